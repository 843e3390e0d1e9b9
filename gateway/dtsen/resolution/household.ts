import type { HouseholdRepresentation } from '../representation';
import type { RuleSet } from '../rules/rule-set';
import { resolveDesil, type ResolvedDesil } from './desil';
import { eligibility, type ProgramEligibility } from './eligibility';
import { checkExclusions, type ExclusionCheck } from './exclusions';
import { livingMembers, type LivingMember } from './members';
import { resolveRegion, type ResolvedRegion } from './region';
import { targeting, type TargetingStatus } from './targeting';

/** Everything the resolved Household fields show, computed together because they build on each other. */
export interface HouseholdResolution {
  readonly members: readonly LivingMember[];
  readonly region: ResolvedRegion | null;
  readonly desil: ResolvedDesil | null;
  readonly exclusions: ExclusionCheck;
  readonly eligibility: readonly ProgramEligibility[];
  readonly targeting: readonly TargetingStatus[];
}

export function resolveHousehold(household: HouseholdRepresentation, ruleSet: RuleSet, evaluationDate: Date): HouseholdResolution {
  const members = livingMembers(household, evaluationDate);
  const region = resolveRegion(household);
  const desil = resolveDesil(household, ruleSet.desil);
  const exclusions = checkExclusions(household, members, ruleSet.exclusions);
  const programmes = eligibility({ household, members, region, desil, exclusions, ruleSet });
  return { members, region, desil, exclusions, eligibility: programmes, targeting: targeting(household, programmes) };
}
