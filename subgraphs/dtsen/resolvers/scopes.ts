import { hasScope, type Principal, type Scope } from '../../../common/auth/principal';
import { forbidden } from '../../../common/errors';
import { requestState, type DtsenContext } from '../context';

/** The request's principal when it has `scope`; FORBIDDEN naming the field otherwise. */
export function principalWithScope(context: DtsenContext, scope: Scope, field: string): Principal {
  const { principal } = requestState(context);
  if (!hasScope(principal, scope)) throw forbidden(`${field} needs the ${scope} scope`);
  return principal;
}
