import { TARGETED_PROGRAMMES, type TargetedProgramme } from '../../../common/programmes';
import type { HouseholdRepresentation } from '../representation';
import type { ProgramEligibility } from './eligibility';
import type { LivingMember } from './members';
import { bpjsPbiEnrolments, isReceiving, isReceivingBltDd } from './receipts';
import type { Source } from './sources';

export type TargetingStatusCode = 'ON_TARGET' | 'INCLUSION_ERROR' | 'EXCLUSION_ERROR' | 'NOT_TARGETED';

export interface TargetingStatus {
  readonly program: TargetedProgramme;
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

/**
 * The register that records receipt of `program`: BPJS Kesehatan pays PBI-JK premiums per person,
 * each desa pays BLT-DD and records it for Kemendes, DTKS records the others.
 */
export function receiptSource(program: TargetedProgramme): Source {
  if (program === 'PBI_JK') return 'BPJS';
  return program === 'BLT_DD' ? 'KEMENDES' : 'DTKS';
}

/**
 * Receipt (an ACTIVE receipt in the register that records it) against eligibility, per targeted
 * programme. When BPJS could not be asked, PBI-JK receipt falls back to DTKS's record, and the entry
 * is incomplete (household.ts); Kemendes has no stand-in, so BLT-DD then reads as not received.
 */
export function targeting(
  household: HouseholdRepresentation,
  members: readonly LivingMember[],
  eligibility: readonly ProgramEligibility[],
): TargetingStatus[] {
  return TARGETED_PROGRAMMES.map((program) => {
    const source = receiptSource(program) === 'BPJS' && household.bpjs === undefined ? 'DTKS' : receiptSource(program);
    const receiving = receivingFrom(source, household, members, program);
    const eligible = eligibility.find((entry) => entry.program === program)?.eligible ?? false;
    return { program, receiving, receiptSource: source, eligible, status: targetingStatusCode(receiving, eligible) };
  });
}

function receivingFrom(source: Source, household: HouseholdRepresentation, members: readonly LivingMember[], program: TargetedProgramme): boolean {
  if (source === 'BPJS') return bpjsPbiEnrolments(household.bpjs, members).length > 0;
  if (source === 'KEMENDES') return isReceivingBltDd(household.kemendes);
  return isReceiving(household.dtks, program);
}
