import { hasScope, programmeAllowed, regionAllowed, type Principal } from '../../../common/auth/principal';
import { forbidden } from '../../../common/errors';
import type { ChangeRequestRecord } from '../records';
import type { ChangeAction } from './states';

// Who may do what with change requests (docs/changes.md, "Who may do what").

/** Whether the principal is the request's proposer: the same subject of the same organisation. */
export function isProposer(principal: Principal, request: ChangeRequestRecord): boolean {
  return principal.subject === request.proposedBy.subject && principal.organisation === request.proposedBy.organisation;
}

/** Whether the principal may read the request: in its regions, and for a partner of its programmes. */
export function maySee(principal: Principal, request: Pick<ChangeRequestRecord, 'regionCode' | 'program'>): boolean {
  if (!regionAllowed(principal, request.regionCode)) return false;
  return principal.programmes === null || (request.program !== null && programmeAllowed(principal, request.program));
}

/** FORBIDDEN unless the principal may propose at all, and (given the family's region) for this family. */
export function assertMayPropose(principal: Principal, regionCode: string | null): void {
  if (!hasScope(principal, 'propose')) throw forbidden('proposeChange needs the propose scope');
  if (regionCode !== null && !regionAllowed(principal, regionCode)) throw forbidden('This family is outside your regions');
}

/** FORBIDDEN unless the principal may take the step on this request. */
export function assertMayAct(principal: Principal, request: ChangeRequestRecord, action: ChangeAction): void {
  if (action === 'submit' || action === 'cancel') {
    if (!hasScope(principal, 'propose')) throw forbidden(`${action}Change needs the propose scope`);
    if (!isProposer(principal, request)) throw forbidden(`Only its proposer may ${action} a change request`);
    return;
  }
  if (!hasScope(principal, 'verify')) throw forbidden(`${action}Change needs the verify scope`);
  if (!regionAllowed(principal, request.regionCode)) throw forbidden('This change request is outside your regions');
  if (isProposer(principal, request)) throw forbidden(`Nobody may ${action} their own proposal`);
}
