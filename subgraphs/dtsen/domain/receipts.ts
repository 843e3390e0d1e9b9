import type { TargetedProgramme } from '../../../common/programmes';
import type { BpjsEnrolmentRepresentation, DtksFamilyRepresentation, KemendesReceiptRepresentation } from '../representation';
import type { LivingMember } from './members';

/** DTKS records an ACTIVE receipt of `program` for the family (suspended receipts do not count). */
export function isReceiving(dtks: DtksFamilyRepresentation | null | undefined, program: TargetedProgramme): boolean {
  return (dtks?.receipts ?? []).some((receipt) => receipt.program === program && receipt.status === 'ACTIVE');
}

/** The PBI segments: premiums paid by the central (APBN) or a regional (APBD) budget. */
const PBI_SEGMENTS: ReadonlySet<string> = new Set(['PBI_APBN', 'PBI_APBD']);

/**
 * The ACTIVE PBI enrolments BPJS records under the family's No. KK for its living members: a
 * suspended or ended enrolment, a self-paid or employer one, or one of a member who died or moved
 * away does not make the family a PBI-JK recipient. A withheld segment (without-sensitive-data.ts)
 * counts as none.
 */
export function bpjsPbiEnrolments(
  bpjs: readonly BpjsEnrolmentRepresentation[] | undefined,
  members: readonly LivingMember[],
): BpjsEnrolmentRepresentation[] {
  const living = new Set(members.map((member) => member.nik));
  return (bpjs ?? []).filter((enrolment) => enrolment.status === 'ACTIVE' && enrolment.segment !== null && PBI_SEGMENTS.has(enrolment.segment) && living.has(enrolment.nik));
}

/** Kemendes records an ACTIVE BLT Dana Desa receipt for the family (suspended and ended ones do not count). */
export function isReceivingBltDd(kemendes: KemendesReceiptRepresentation | null | undefined): boolean {
  return kemendes?.status === 'ACTIVE';
}
