import type { Principal } from '../common/auth/principal';
import type { RequestLogging } from '../common/logging/http-logging';
import type { DtsenContext } from '../subgraphs/dtsen/in-process';

/** A GraphQL request's context in the gateway: the verified principal, the request's id and logger, and the dtsen subgraph's state. */
export interface GatewayContext extends DtsenContext, RequestLogging {
  readonly principal: Principal;
}
