import DataLoader from 'dataloader';
import { badUserInput } from '../../../common/errors';
import { createAuditRecorder } from '../../../common/subgraph/audit-recorder';
import { householdHistory, MAX_HISTORY, type HouseholdPeriodAnswer } from '../../../resolution/period-history';
import type { PeriodHouseholdRow, ResolutionPeriodRow } from '../../../resolution/period-entities';
import { requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import { indexOf } from './index-status';

/** The kept periods, read once per request. */
export function keptPeriods(deps: DtsenDependencies, context: DtsenContext): Promise<ResolutionPeriodRow[]> {
  const periods = requestState(context).periods;
  periods.kept ??= indexOf(deps).keptPeriods();
  return periods.kept;
}

/**
 * The families' period rows, one `IN (...)` query per batch. Each family whose rows a batch read is
 * recorded in the index's audit trail in one write before they are served, as `households` does:
 * history comes from the index alone, with no register asked.
 */
function historyLoader(deps: DtsenDependencies, context: DtsenContext): DataLoader<string, readonly PeriodHouseholdRow[]> {
  const state = requestState(context);
  state.periods.history ??= new DataLoader<string, readonly PeriodHouseholdRow[]>(async (noKKs) => {
    const index = indexOf(deps);
    const rows = await index.periodRows(noKKs);
    const audit = createAuditRecorder(state.principal, (entries) => index.appendAudit(entries), state.requestId);
    noKKs.forEach((noKK, position) => {
      if ((rows[position] ?? []).length > 0) audit.indexedFamily(noKK);
    });
    await audit.flush();
    return rows;
  });
  return state.periods.history;
}

/** `Household.history(last)`. */
export function historyResolver(deps: DtsenDependencies) {
  return async (household: { readonly noKK: string }, args: { readonly last?: number | null }, context: DtsenContext): Promise<HouseholdPeriodAnswer[]> => {
    const last = args.last ?? 12;
    if (!Number.isInteger(last) || last < 1 || last > MAX_HISTORY) throw badUserInput(`last must be between 1 and ${MAX_HISTORY}, got ${last}`, 'last');
    const [kept, rows] = await Promise.all([keptPeriods(deps, context), historyLoader(deps, context).load(household.noKK)]);
    return householdHistory(rows, kept, last, requestState(context).principal);
  };
}
