import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { signingKeysOf } from '../../common/auth/subgraph-keys';
import { createAdmission } from '../../gateway/auth/authenticate';
import { createTokenVerifier } from '../../gateway/auth/verifier';
import { armorLimits } from '../../gateway/security/armor';
import { listCostRule } from '../../gateway/security/list-cost';
import { rateLimitPerPrincipal } from '../../gateway/security/rate-limit';
import { admissionPlugin } from './admission-plugin';
import type { HiveGatewayConfig } from './config';
import { signingKeysByUrl, signingPlugin } from './signing-plugin';

export interface HiveGatewayOptions extends Omit<HiveGatewayConfig, 'port'> {
  readonly supergraphSdl: string;
}

/** Our gateway's list-aware cost limit (gateway/security/list-cost.ts) as a validation rule of Hive's. */
function costLimitPlugin(maxCost: number): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(listCostRule({ maxCost }));
    },
  };
}

/**
 * The supergraph without its `@provides`: Hive Gateway's planner, given `Household.members`'s, sends
 * the client's whole household selection to the dtsen root field, which has none of the registers'
 * records there, so members came back empty. Without it Hive plans the members' `Person` round
 * through the registers, as our gateway did before the field provided them: the same answers.
 */
export function withoutProvides(supergraphSdl: string): string {
  return supergraphSdl.replace(/, provides: "[^"]*"/g, '');
}

/**
 * Hive Gateway over our supergraph, doing the security work our gateway does: the same token
 * verification and rate limit, the same graphql-armor and cost limits, and every subgraph request signed
 * with the caller's principal. The subgraph URLs replace the supergraph's through its transport
 * entries. A Node request listener; it does not listen.
 *
 * For the bench only, never for serving: our gateway's key masking and partner-field refusal are
 * not ported, since they do nothing for the bench's principal (the `pii` scope, no programmes), so
 * tokens without `pii` would see unmasked keys here.
 */
export function buildHiveGateway(options: HiveGatewayOptions): GatewayRuntime {
  const admit = createAdmission(createTokenVerifier(options.tokenSource), rateLimitPerPrincipal(options.rateLimitPerMinute));
  return createGatewayRuntime({
    supergraph: withoutProvides(options.supergraphSdl),
    transportEntries: Object.fromEntries(Object.entries(options.subgraphUrls).map(([subgraph, location]) => [subgraph, { location }])),
    upstreamTimeout: options.subgraphTimeoutMs,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health/live',
    readinessCheckEndpoint: '/health/ready',
    landingPage: false,
    graphiql: false,
    logging: 'error',
    ...(options.introspection ? {} : { disableIntrospection: {} }),
    plugins: () => [
      admissionPlugin(admit),
      signingPlugin(signingKeysByUrl(options.subgraphUrls, signingKeysOf(options.signingSecret, options.subgraphKeys))),
      // Our gateway's token limit is graphql-js's parse option; armor's plugin does the same in Hive's parse step.
      EnvelopArmorPlugin({ ...armorLimits({ limits: options.limits, fieldSuggestions: options.introspection }), maxTokens: { n: options.limits.maxTokens } }),
      costLimitPlugin(options.limits.maxCost),
    ],
  });
}
