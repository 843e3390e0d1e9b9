import { PROGRAMMES, type Programme } from '../../../../common/programmes';
import { bltDdEligibility } from './blt-dd';
import { bpntEligibility } from './bpnt';
import { pbiJkEligibility } from './pbi-jk';
import { pipEligibility } from './pip';
import { pkhEligibility } from './pkh';
import type { HouseholdFacts, ProgramEligibility } from './types';

export type { HouseholdFacts, ProgramEligibility } from './types';

/**
 * One entry per programme, in the order of common/programmes.ts. PIP builds on PKH's outcome: this
 * family's, unless `pkhOutcome` is given (the outcome of the full resolution, when explaining a
 * household whose sensitive data is withheld).
 */
export function eligibility(facts: HouseholdFacts, pkhOutcome?: Pick<ProgramEligibility, 'eligible'>): ProgramEligibility[] {
  const pkh = pkhEligibility(facts);
  const decide: Readonly<Record<Programme, () => ProgramEligibility>> = {
    PKH: () => pkh,
    BPNT: () => bpntEligibility(facts),
    PBI_JK: () => pbiJkEligibility(facts),
    PIP: () => pipEligibility(facts, pkhOutcome ?? pkh),
    BLT_DD: () => bltDdEligibility(facts),
  };
  return PROGRAMMES.map((program) => decide[program]());
}
