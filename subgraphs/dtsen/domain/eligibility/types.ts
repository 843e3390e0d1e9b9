import type { HouseholdRepresentation } from '../../representation';
import type { Program, RuleSet } from '../../rules/rule-set';
import type { ResolvedDesil } from '../desil';
import type { ExclusionCheck } from '../exclusions';
import type { LivingMember } from '../members';
import type { Statement } from '../statement';
import type { ResolvedRegion } from '../region';

export interface ProgramEligibility {
  readonly program: Program;
  readonly eligible: boolean;
  /** Why, for a caseworker; the NIKs in it are marked (statement.ts). */
  readonly reasons: readonly Statement[];
  /** Whole rupiah per year; 0 when not eligible. */
  readonly estimatedAnnualBenefit: number;
  /** NIKs the benefit is for (per-person and per-component programmes); empty when not eligible. */
  readonly beneficiaries: readonly string[];
  readonly ruleSet: string;
}

/** What every programme's rules look at, resolved once per family. */
export interface HouseholdFacts {
  readonly household: HouseholdRepresentation;
  readonly members: readonly LivingMember[];
  readonly region: ResolvedRegion | null;
  readonly desil: ResolvedDesil | null;
  readonly exclusions: ExclusionCheck;
  readonly ruleSet: RuleSet;
}

export function decision(
  facts: HouseholdFacts,
  program: Program,
  eligible: boolean,
  reasons: readonly Statement[],
  annualBenefit: number,
  beneficiaries: readonly string[],
): ProgramEligibility {
  return {
    program,
    eligible,
    reasons,
    estimatedAnnualBenefit: eligible ? annualBenefit : 0,
    beneficiaries: eligible ? beneficiaries : [],
    ruleSet: facts.ruleSet.version,
  };
}
