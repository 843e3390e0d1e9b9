import type { ChangeState } from '../records';

/** The steps a client takes on a request; APPLIED is set by the period's batch, not by a client. */
export type ChangeAction = 'submit' | 'verify' | 'reject' | 'cancel';

/** From which states each step may be taken, and where it leads (docs/changes.md, "States"). */
export const STEPS: Readonly<Record<ChangeAction, { readonly from: readonly ChangeState[]; readonly to: ChangeState }>> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED' },
  verify: { from: ['SUBMITTED'], to: 'VERIFIED' },
  reject: { from: ['SUBMITTED'], to: 'REJECTED' },
  cancel: { from: ['DRAFT', 'SUBMITTED'], to: 'CANCELLED' },
};

/** The state `action` leads to from `state`; null when it cannot be taken from there. */
export function stepFrom(state: ChangeState, action: ChangeAction): ChangeState | null {
  const step = STEPS[action];
  return step.from.includes(state) ? step.to : null;
}
