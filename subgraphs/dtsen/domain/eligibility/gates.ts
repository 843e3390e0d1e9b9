import { PROGRAMME_NAMES } from '../../../../common/programmes';
import type { FamilyGate, Program } from '../../rules/rule-set';
import { describeDesil } from '../desil';
import { say, type Statement } from '../statement';
import type { HouseholdFacts } from './types';

export interface GateOutcome {
  readonly passes: boolean;
  readonly reasons: readonly Statement[];
}

/** The family's resolved desil is at or below the programme's cut-off. */
export function desilWithin(facts: HouseholdFacts, program: Program, maxDesil: number): GateOutcome {
  const name = PROGRAMME_NAMES[program];
  const { desil } = facts;
  if (!desil) {
    return { passes: false, reasons: [say`No register ranks the family, so the ${name} cut-off of desil ${maxDesil} cannot be met`] };
  }
  const passes = desil.value <= maxDesil;
  return {
    passes,
    reasons: [say`${describeDesil(desil)} is ${passes ? 'within' : 'above'} the ${name} cut-off of ${maxDesil}`],
  };
}

/** The exclusions, when the programme applies them; unchecked exclusions do not exclude. */
export function notExcluded(facts: HouseholdFacts, gate: FamilyGate): GateOutcome {
  if (!gate.applyExclusions) return { passes: true, reasons: [] };
  return { passes: facts.exclusions.findings.length === 0, reasons: facts.exclusions.reasons };
}
