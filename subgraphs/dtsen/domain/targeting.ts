import { TARGETED_PROGRAMMES, type TargetedProgramme } from '../../../common/programmes';
import type { HouseholdRepresentation } from '../representation';
import type { ProgramEligibility } from './eligibility';
import { isReceiving, isReceivingBltDd } from './receipts';
import type { Source } from './sources';

export type TargetingStatusCode = 'ON_TARGET' | 'INCLUSION_ERROR' | 'EXCLUSION_ERROR' | 'NOT_TARGETED';

export interface TargetingStatus {
  readonly program: TargetedProgramme;
  readonly receiving: boolean;
  readonly eligible: boolean;
  readonly status: TargetingStatusCode;
}

export function targetingStatusCode(receiving: boolean, eligible: boolean): TargetingStatusCode {
  if (receiving) return eligible ? 'ON_TARGET' : 'INCLUSION_ERROR';
  return eligible ? 'EXCLUSION_ERROR' : 'NOT_TARGETED';
}

/** The register that records receipt of `program`. */
export function receiptSource(program: TargetedProgramme): Source {
  return program === 'BLT_DD' ? 'KEMENDES' : 'DTKS';
}

/** Receipt (an ACTIVE receipt in the register that records it) against eligibility, per targeted programme. */
export function targeting(household: HouseholdRepresentation, eligibility: readonly ProgramEligibility[]): TargetingStatus[] {
  return TARGETED_PROGRAMMES.map((program) => {
    const receiving = program === 'BLT_DD' ? isReceivingBltDd(household.kemendes) : isReceiving(household.dtks, program);
    const eligible = eligibility.find((entry) => entry.program === program)?.eligible ?? false;
    return { program, receiving, eligible, status: targetingStatusCode(receiving, eligible) };
  });
}
