import { RECEIPT_PROGRAMMES, type ReceiptProgramme } from '../../../common/programmes';
import type { HouseholdRepresentation } from '../representation';
import type { ProgramEligibility } from './eligibility';
import type { LivingMember } from './members';
import { bpjsPbiEnrolments, isReceiving } from './receipts';
import type { Source } from './sources';

export type TargetingStatusCode = 'ON_TARGET' | 'INCLUSION_ERROR' | 'EXCLUSION_ERROR' | 'NOT_TARGETED';

export interface TargetingStatus {
  readonly program: ReceiptProgramme;
  readonly receiving: boolean;
  /** The register that records who receives the programme. */
  readonly receiptSource: Source;
  readonly eligible: boolean;
  readonly status: TargetingStatusCode;
}

export function targetingStatusCode(receiving: boolean, eligible: boolean): TargetingStatusCode {
  if (receiving) return eligible ? 'ON_TARGET' : 'INCLUSION_ERROR';
  return eligible ? 'EXCLUSION_ERROR' : 'NOT_TARGETED';
}

/** Who records receipt: BPJS Kesehatan pays PBI-JK premiums per person; DTKS records the others. */
export function receiptSourceOf(program: ReceiptProgramme): Source {
  return program === 'PBI_JK' ? 'BPJS' : 'DTKS';
}

/**
 * Receipt against eligibility, per programme: PBI-JK receipt from BPJS (a living member's ACTIVE
 * PBI enrolment), the others from an ACTIVE DTKS receipt. When BPJS could not be asked, PBI-JK
 * receipt falls back to DTKS's record, and the entry is incomplete (household.ts).
 */
export function targeting(
  household: HouseholdRepresentation,
  members: readonly LivingMember[],
  eligibility: readonly ProgramEligibility[],
): TargetingStatus[] {
  return RECEIPT_PROGRAMMES.map((program) => {
    const fromBpjs = receiptSourceOf(program) === 'BPJS' && household.bpjs !== undefined;
    const receiving = fromBpjs ? bpjsPbiEnrolments(household.bpjs, members).length > 0 : isReceiving(household.dtks, program);
    const eligible = eligibility.find((entry) => entry.program === program)?.eligible ?? false;
    return { program, receiving, receiptSource: fromBpjs ? 'BPJS' : 'DTKS', eligible, status: targetingStatusCode(receiving, eligible) };
  });
}
