import { PROGRAMMES, TARGETED_PROGRAMMES } from '../../common/programmes';
import type { ResolvedHousehold } from '../../resolution/household';
import type { IndexRepository } from '../../resolution/repository';

// Periods written into an index the way a resolution run writes them (bench/periods.ts does the
// same at scale): the families' answers a page at a time, then the run finished, which keeps the
// period. Eligibility follows the desil only, so a test knows who entered or left each list.

export interface Family {
  readonly noKK: string;
  readonly region: string;
  readonly desil: number;
}

/** PKH's and BPNT's cut-off in these families; the other programmes' are irrelevant here. */
const MAX_DESIL: Readonly<Record<string, number>> = { PKH: 4, BPNT: 4, PBI_JK: 5, PIP: 4, BLT_DD: 1 };

export const eligibleFor = (program: string, family: Family) => family.desil <= (MAX_DESIL[program] ?? 0);

function household(family: Family): ResolvedHousehold {
  const eligible = (program: string) => eligibleFor(program, family);
  return {
    noKK: family.noKK,
    sources: ['REGSOSEK'],
    persons: 3,
    region: { code: family.region },
    desil: { value: family.desil, source: 'REGSOSEK', conflict: false },
    eligibility: PROGRAMMES.map((program) => ({ program, eligible: eligible(program), estimatedAnnualBenefit: 0, ruleSet: '2025' })),
    targeting: TARGETED_PROGRAMMES.map((program) => ({ program, status: eligible(program) ? 'EXCLUSION_ERROR' : 'NOT_TARGETED' })),
    dataQuality: [],
  };
}

/** Resolves `period` over exactly these families (the others leave the registers) and keeps it. */
export async function keepPeriod(index: IndexRepository, period: string, families: readonly Family[]): Promise<void> {
  const at = new Date().toISOString();
  const run = await index.startRun({ ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: at, cursors: '{}', period });
  await index.saveHouseholds(families.map(household), run.id, at);
  await index.finishRun(run.id, new Date().toISOString());
}
