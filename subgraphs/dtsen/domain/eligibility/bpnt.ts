import { say } from '../statement';
import { rupiah } from '../wording';
import { desilWithin, notExcluded } from './gates';
import { decision, type HouseholdFacts, type ProgramEligibility } from './types';

/** Family: desil cut-off and no exclusion; a monthly amount for the whole family. */
export function bpntEligibility(facts: HouseholdFacts): ProgramEligibility {
  const rules = facts.ruleSet.programs.BPNT;
  const desil = desilWithin(facts, 'BPNT', rules.maxDesil);
  const exclusions = notExcluded(facts, rules);
  const eligible = desil.passes && exclusions.passes;
  const benefit = [say`${rupiah(rules.monthlyAmount)} a month for the family`];
  return decision(
    facts,
    'BPNT',
    eligible,
    [...desil.reasons, ...exclusions.reasons, ...(eligible ? benefit : [])],
    rules.monthlyAmount * 12,
    [],
  );
}
