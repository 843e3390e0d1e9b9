import type { ChangesContext } from '../context';
import { maySee } from '../domain/access';
import { niksOf } from '../domain/proposal';
import type { ChangeRequestRecord } from '../records';

/**
 * The requests the principal may read, recorded in the changes store's audit trail as served: the
 * family by its No. KK, and each member a payload names by NIK.
 */
export function served(context: ChangesContext, requests: readonly ChangeRequestRecord[]): ChangeRequestRecord[] {
  const visible = requests.filter((request) => maySee(context.principal, request));
  for (const request of visible) {
    context.audit.indexedFamily(request.noKK);
    context.audit.family(request.noKK, niksOf(request.payload));
  }
  return visible;
}
