import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Principal } from '../../common/auth/principal';
import type { Admission } from '../../gateway/auth/authenticate';
import { operationNameOf } from '../../gateway/auth/operation-name';

/** What the admission adds to a Hive Gateway request's context. */
export interface PrincipalContext {
  readonly principal: Principal;
}

/**
 * Our gateway's admission in Hive Gateway: every GraphQL request's bearer token is verified and
 * its principal counted against the rate limit before anything runs; a refusal is the same
 * UNAUTHENTICATED (401) or RATE_LIMITED (429) error.
 */
export function admissionPlugin(admit: Admission): GatewayPlugin<PrincipalContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const authorization = context.request.headers.get('authorization') ?? undefined;
      const principal = await admit({ authorization }, operationNameOf(context.params));
      extendContext({ principal });
    },
  };
}
