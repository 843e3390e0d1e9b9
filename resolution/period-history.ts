import { programmeAllowed, regionAllowed, type Principal } from '../common/auth/principal';
import { INDEX_PROGRAMS, TARGETED_INDEX_PROGRAMS } from './entities';
import type { PeriodHouseholdRow, ResolutionPeriodRow } from './period-entities';
import { isEligible, targetingStatus } from './period-state';

// `Household.history`: a family's rows laid over the kept periods, as a reader may see them.

export interface HouseholdPeriodAnswer {
  readonly period: string;
  readonly desil: { readonly value: number; readonly source: string } | null;
  readonly eligibility: readonly { readonly program: string; readonly eligible: boolean }[];
  readonly targeting: readonly { readonly program: string; readonly status: string }[];
}

export const MAX_HISTORY = 24;

/** The row of the family in force at `period`, if it was in the registers then. */
function rowAt(rows: readonly PeriodHouseholdRow[], period: string): PeriodHouseholdRow | null {
  const row = rows.find((candidate) => candidate.period <= period && (candidate.untilPeriod === null || candidate.untilPeriod > period));
  return row && !row.leftRegister ? row : null;
}

/**
 * The family at each of the newest `last` kept periods, oldest first, leaving out the periods when
 * it was not in the registers and, for a region-bound reader, those when it lived outside its
 * regions; a partner's programmes only.
 */
export function householdHistory(
  rows: readonly PeriodHouseholdRow[],
  kept: readonly ResolutionPeriodRow[],
  last: number,
  principal: Principal,
): HouseholdPeriodAnswer[] {
  return kept.slice(-last).flatMap(({ period }) => {
    const row = rowAt(rows, period);
    if (row === null) return [];
    if (principal.regions !== null && (row.regionCode === null || !regionAllowed(principal, row.regionCode))) return [];
    return [
      {
        period,
        desil: row.desil === null || row.desilSource === null ? null : { value: row.desil, source: row.desilSource },
        eligibility: INDEX_PROGRAMS.filter((program) => programmeAllowed(principal, program)).map((program) => ({ program, eligible: isEligible(row, program) })),
        targeting: TARGETED_INDEX_PROGRAMS.filter((program) => programmeAllowed(principal, program)).map((program) => ({
          program,
          status: targetingStatus(row, program) ?? 'NOT_TARGETED',
        })),
      },
    ];
  });
}
