import type { Program, RuleSet } from '../../rules/rule-set';
import { eligibility } from './index';
import type { HouseholdFacts } from './types';

/**
 * The resolved desil at or below which a programme's desil criterion holds: `maxDesil`, and for
 * BLT-DD the desil that counts as extreme poverty. Null for a programme whose rules have no desil
 * criterion, which then never has graduation candidates (docs/rules.md).
 */
export function desilCutOff(ruleSet: RuleSet, program: Program): number | null {
  const rules: object = ruleSet.programs[program];
  if ('maxDesil' in rules && typeof rules.maxDesil === 'number') return rules.maxDesil;
  if ('extremePoorMaxDesil' in rules && typeof rules.extremePoorMaxDesil === 'number') return rules.extremePoorMaxDesil;
  return null;
}

/** A family ranked above a programme's cut-off that meets every other criterion of it. */
export interface AboveCutOff {
  readonly desil: number;
  readonly cutOff: number;
}

/**
 * Whether the family fails `program` only by its resolved desil: ranked above the cut-off, and
 * eligible by the same rules were it ranked at the cut-off, every other fact as it is. Null when
 * its desil is within the cut-off or unknown (no register ranks it, so nothing says its
 * circumstances improved), when the programme has no desil criterion, or when another criterion fails.
 */
export function aboveCutOffOnly(facts: HouseholdFacts, program: Program): AboveCutOff | null {
  const cutOff = desilCutOff(facts.ruleSet, program);
  const { desil } = facts;
  if (cutOff === null || desil === null || desil.value <= cutOff) return null;
  const atCutOff = eligibility({ ...facts, desil: { ...desil, value: cutOff } });
  return atCutOff.find((entry) => entry.program === program)?.eligible === true ? { desil: desil.value, cutOff } : null;
}
