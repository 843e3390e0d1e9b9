import { RECEIPT_PROGRAMMES, type ReceiptProgramme } from '../../../common/programmes';
import type { HouseholdRepresentation } from '../representation';
import type { ProgramEligibility } from './eligibility';
import { isReceiving } from './receipts';

export type TargetingStatusCode = 'ON_TARGET' | 'INCLUSION_ERROR' | 'EXCLUSION_ERROR' | 'NOT_TARGETED';

export interface TargetingStatus {
  readonly program: ReceiptProgramme;
  readonly receiving: boolean;
  readonly eligible: boolean;
  readonly status: TargetingStatusCode;
}

export function targetingStatusCode(receiving: boolean, eligible: boolean): TargetingStatusCode {
  if (receiving) return eligible ? 'ON_TARGET' : 'INCLUSION_ERROR';
  return eligible ? 'EXCLUSION_ERROR' : 'NOT_TARGETED';
}

/** Receipt (an ACTIVE DTKS receipt) against eligibility, per programme DTKS records. */
export function targeting(household: HouseholdRepresentation, eligibility: readonly ProgramEligibility[]): TargetingStatus[] {
  return RECEIPT_PROGRAMMES.map((program) => {
    const receiving = isReceiving(household.dtks, program);
    const eligible = eligibility.find((entry) => entry.program === program)?.eligible ?? false;
    return { program, receiving, eligible, status: targetingStatusCode(receiving, eligible) };
  });
}
