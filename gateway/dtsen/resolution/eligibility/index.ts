import { bltDdEligibility } from './blt-dd';
import { bpntEligibility } from './bpnt';
import { pbiJkEligibility } from './pbi-jk';
import { pipEligibility } from './pip';
import { pkhEligibility } from './pkh';
import type { HouseholdFacts, ProgramEligibility } from './types';

export type { HouseholdFacts, ProgramEligibility } from './types';

/** One entry per programme, in the order of the Program enum. */
export function eligibility(facts: HouseholdFacts): ProgramEligibility[] {
  const pkh = pkhEligibility(facts);
  return [pkh, bpntEligibility(facts), pbiJkEligibility(facts), pipEligibility(facts, pkh), bltDdEligibility(facts)];
}
