import { PROGRAMME_NAMES, TARGETED_PROGRAMMES, type TargetedProgramme } from '../../../common/programmes';
import type { HouseholdRepresentation } from '../representation';
import type { HouseholdFacts, ProgramEligibility } from './eligibility';
import { aboveCutOffOnly, type AboveCutOff } from './eligibility/desil-cut-off';
import type { LivingMember } from './members';
import { bpjsPbiEnrolments, isReceiving, isReceivingBltDd } from './receipts';
import { SOURCE_NAMES, type Source } from './sources';
import { say, type Statement } from './statement';

export type TargetingStatusCode = 'ON_TARGET' | 'INCLUSION_ERROR' | 'GRADUATION_CANDIDATE' | 'EXCLUSION_ERROR' | 'NOT_TARGETED';

export interface TargetingStatus {
  readonly program: TargetedProgramme;
  readonly receiving: boolean;
  /** The register that records who receives the programme. */
  readonly receiptSource: Source;
  readonly eligible: boolean;
  readonly status: TargetingStatusCode;
  /** Why, for a caseworker. */
  readonly reasons: readonly Statement[];
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
 * Receipt against eligibility, with the reason a caseworker reads. A receiving family that fails the
 * programme only by a desil above its cut-off (`aboveCutOff`) is a graduation candidate, the
 * ground-check worklist, rather than an inclusion error.
 */
function assess(
  program: TargetedProgramme,
  source: Source,
  receiving: boolean,
  eligible: boolean,
  aboveCutOff: AboveCutOff | null,
): { readonly status: TargetingStatusCode; readonly reason: Statement } {
  const name = PROGRAMME_NAMES[program];
  const register = SOURCE_NAMES[source];
  if (receiving && eligible) return { status: 'ON_TARGET', reason: say`Receives ${name} (${register}) and is eligible for it` };
  if (receiving && aboveCutOff) {
    const { desil, cutOff } = aboveCutOff;
    return {
      status: 'GRADUATION_CANDIDATE',
      reason: say`Receives ${name} (${register}) while its desil ${desil} is above ${name}'s cut-off of ${cutOff}: a candidate for graduation; check on the ground`,
    };
  }
  if (receiving) return { status: 'INCLUSION_ERROR', reason: say`Receives ${name} (${register}) but is not eligible for it: see its eligibility reasons` };
  if (eligible) return { status: 'EXCLUSION_ERROR', reason: say`Is eligible for ${name} but does not receive it (${register})` };
  return { status: 'NOT_TARGETED', reason: say`Neither receives ${name} (${register}) nor is eligible for it` };
}

/**
 * Receipt (an ACTIVE receipt in the register that records it) against eligibility, per targeted
 * programme. When BPJS could not be asked, PBI-JK receipt falls back to DTKS's record, and the entry
 * is incomplete (household.ts); Kemendes has no stand-in, so BLT-DD then reads as not received.
 */
export function targeting(facts: HouseholdFacts, eligibility: readonly ProgramEligibility[]): TargetingStatus[] {
  const { household, members } = facts;
  return TARGETED_PROGRAMMES.map((program) => {
    const source = receiptSource(program) === 'BPJS' && household.bpjs === undefined ? 'DTKS' : receiptSource(program);
    const receiving = receivingFrom(source, household, members, program);
    const eligible = eligibility.find((entry) => entry.program === program)?.eligible ?? false;
    const aboveCutOff = receiving && !eligible ? aboveCutOffOnly(facts, program) : null;
    const { status, reason } = assess(program, source, receiving, eligible, aboveCutOff);
    return { program, receiving, receiptSource: source, eligible, status, reasons: [reason] };
  });
}

function receivingFrom(source: Source, household: HouseholdRepresentation, members: readonly LivingMember[], program: TargetedProgramme): boolean {
  if (source === 'BPJS') return bpjsPbiEnrolments(household.bpjs, members).length > 0;
  if (source === 'KEMENDES') return isReceivingBltDd(household.kemendes);
  return isReceiving(household.dtks, program);
}
