import { INDEX_PROGRAMS, TARGETED_INDEX_PROGRAMS, type IndexProgram } from '../../resolution/entities';
import type { ResolvedHousehold } from '../../resolution/household';

/** What a test sets of an indexed household; `benefits` makes a programme eligible with that annual amount. */
export type IndexedHouseholdChanges = Partial<ResolvedHousehold> & { benefits?: Partial<Record<IndexProgram, number>> };

/**
 * A household as a resolution run stores it: Regsosek's, three persons in the village of Penjaringan (31.72.01.1001) at desil 2,
 * eligible for nothing and targeted by nothing, with no issue, unless `changes` say otherwise.
 */
export function indexedHousehold(noKK: string, changes: IndexedHouseholdChanges = {}): ResolvedHousehold {
  const { benefits = {}, ...rest } = changes;
  return {
    noKK,
    sources: ['REGSOSEK'],
    persons: 3,
    region: { code: '3172011001' },
    desil: { value: 2, source: 'REGSOSEK', conflict: false },
    eligibility: INDEX_PROGRAMS.map((program) => ({ program, eligible: (benefits[program] ?? 0) > 0, estimatedAnnualBenefit: benefits[program] ?? 0, ruleSet: '2025' })),
    targeting: TARGETED_INDEX_PROGRAMS.map((program) => ({ program, status: 'NOT_TARGETED' })),
    dataQuality: [],
    ...rest,
  };
}
