import type { Principal } from '../common/auth/principal';
import type { DtsenContext } from './dtsen/schema';

/** A GraphQL request's context in the gateway: the verified principal and the dtsen subgraph's state. */
export interface GatewayContext extends DtsenContext {
  readonly principal: Principal;
}
