import type { HouseholdRepresentation } from '../representation';
import type { RuleSet } from '../rules/rule-set';
import { resolveDesil, type ResolvedDesil } from './desil';
import { eligibility, type ProgramEligibility } from './eligibility';
import { checkExclusions, type ExclusionCheck } from './exclusions';
import { livingMembers, type LivingMember } from './members';
import { resolveRegion, type ResolvedRegion } from './region';
import { FAMILY_SOURCES, unavailableSources, unavailableNote, type FamilySource, type Source } from './sources';
import { receiptSource, targeting, type TargetingStatus } from './targeting';
import { withoutSensitiveData } from './without-sensitive-data';

/** `complete`: false when a register the result reads could not be asked (see `Household.unavailableSources`). */
export type Completeness = { readonly complete: boolean };

/** Everything the resolved Household fields show, computed together because they build on each other. */
export interface HouseholdResolution {
  readonly members: readonly LivingMember[];
  readonly region: ResolvedRegion | null;
  readonly desil: (ResolvedDesil & Completeness) | null;
  readonly exclusions: ExclusionCheck;
  readonly eligibility: readonly (ProgramEligibility & Completeness)[];
  readonly targeting: readonly (TargetingStatus & Completeness)[];
}

export function resolveHousehold(household: HouseholdRepresentation, ruleSet: RuleSet, evaluationDate: Date): HouseholdResolution {
  return resolve(household, ruleSet, evaluationDate);
}

/**
 * The eligibility a reader without the `sensitive` scope is told: every programme's reasons and
 * beneficiaries computed by the same rules from the household with its sensitive fields withheld,
 * so no word of them can depend on those fields. The outcomes (eligible, benefit) shown beside
 * them are `full`'s (docs/security.md says what they may imply); PIP builds on `full`'s PKH outcome.
 */
export function eligibilityWithoutSensitiveData(
  household: HouseholdRepresentation,
  ruleSet: RuleSet,
  evaluationDate: Date,
  full: HouseholdResolution,
): HouseholdResolution['eligibility'] {
  const pkh = full.eligibility.find((entry) => entry.program === 'PKH');
  return resolve(withoutSensitiveData(household), ruleSet, evaluationDate, pkh).eligibility;
}

function resolve(
  household: HouseholdRepresentation,
  ruleSet: RuleSet,
  evaluationDate: Date,
  pkhOutcome?: Pick<ProgramEligibility, 'eligible'>,
): HouseholdResolution {
  const members = livingMembers(household, evaluationDate);
  const region = resolveRegion(household);
  const desil = resolveDesil(household, ruleSet.desil);
  const exclusions = checkExclusions(household, members, ruleSet.exclusions);
  const facts = { household, members, region, desil, exclusions, ruleSet };
  const programmes = eligibility(facts, pkhOutcome);
  // Every rule reads the members (the union of the three family registers) and the desil (each of
  // them is a candidate), so one of them that could not be asked leaves every result open. The
  // partners' registers decide no eligibility: Kemendes (BLT-DD) and BPJS Kesehatan (PBI-JK) leave
  // open only the targeting of the programme whose receipt they record.
  const unavailable = unavailableSources(household);
  const familyUnavailable = unavailable.filter((source): source is FamilySource => (FAMILY_SOURCES as readonly Source[]).includes(source));
  const complete = familyUnavailable.length === 0;
  return {
    members,
    region,
    desil: desil && { ...desil, complete },
    exclusions,
    eligibility: programmes.map((entry) =>
      complete ? { ...entry, complete } : { ...entry, complete, reasons: [...entry.reasons, unavailableNote(familyUnavailable)] },
    ),
    // Eligibility comes from the family registers, receipt from DTKS, BPJS Kesehatan or Kemendes.
    targeting: targeting(facts, programmes).map((entry) => ({ ...entry, complete: complete && !unavailable.includes(receiptSource(entry.program)) })),
  };
}
