import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { chunk } from '../common/store/chunks';
import { insertRows } from '../common/store/bulk-insert';
import { ResolvedHouseholdEntity, SUMMARY_MEASURES } from './entities';
import { PeriodHouseholdEntity, ResolutionPeriodEntity, type PeriodHouseholdRow, type ResolutionPeriodRow } from './period-entities';
import { leftState, periodStateOf, sameState, type PeriodState } from './period-state';

// Keeping a period when its run finishes, in the run's closing transaction: the families whose
// state differs from the last kept period get a row from this period on (the previous row ends
// here), families that left get a row saying so, and the region counts are copied. Re-running the
// newest kept period first undoes its rows, so a period is kept once however often it is run.

/** Keys per `IN (...)` list and households read per page. */
const KEYS_PER_STATEMENT = 500;
const HOUSEHOLDS_PER_READ = 5_000;

/** A run for a period before the newest kept one: periods are kept in order, so it is refused before it starts. */
export class PeriodOutOfOrderError extends Error {
  constructor(period: string, newest: string) {
    super(`Period ${period} comes before ${newest}, the newest period the index keeps: a run can keep ${newest} again or a later period, not an earlier one. This run changed nothing.`);
    this.name = 'PeriodOutOfOrderError';
  }
}

/** Throws PeriodOutOfOrderError when `period` is before the newest kept period. */
export function checkPeriodOrder(period: string, newest: string | null): void {
  if (newest !== null && period < newest) throw new PeriodOutOfOrderError(period, newest);
}

export interface KeptPeriodRun {
  readonly runId: number;
  readonly finishedAt: string;
  readonly ruleSet: string;
  readonly evaluationDate: string;
  readonly families: number;
}

/** Takes a kept period out again: its rows go, and the rows it ended are current again. */
async function forgetPeriod(manager: EntityManager, period: string): Promise<void> {
  await manager.delete(PeriodHouseholdEntity, { period });
  await manager.update(PeriodHouseholdEntity, { untilPeriod: period }, { untilPeriod: null });
  await manager.query('DELETE FROM period_region_summary WHERE period = ?', [period]);
  await manager.query('DELETE FROM period_region_issue_count WHERE period = ?', [period]);
  await manager.delete(ResolutionPeriodEntity, { period });
}

/** Keeps `period` as the index now holds it; returns the family rows it wrote. */
export async function keepPeriod(manager: EntityManager, period: string, run: KeptPeriodRun): Promise<number> {
  const newest = await manager.findOne(ResolutionPeriodEntity, { where: {}, order: { period: 'DESC' } });
  checkPeriodOrder(period, newest?.period ?? null);
  if (newest?.period === period) await forgetPeriod(manager, period);

  const runner = manager.queryRunner;
  if (!runner) throw new Error('A transaction without a query runner');
  let written = 0;
  /** Ends the current rows of `ending` at this period and writes `changed` from it on. */
  const write = async (ending: readonly string[], changed: readonly PeriodHouseholdRow[]) => {
    for (const slice of chunk(ending, KEYS_PER_STATEMENT)) {
      await manager.update(PeriodHouseholdEntity, { noKK: In(slice), untilPeriod: IsNull() }, { untilPeriod: period });
    }
    await insertRows(runner, PeriodHouseholdEntity, changed);
    written += changed.length;
  };

  // The families of the last kept period no longer in the index left the registers. Read before
  // anything of this period is written; a family that had left already is not marked again.
  const leavers = await manager
    .createQueryBuilder(PeriodHouseholdEntity, 'kept')
    .leftJoin(ResolvedHouseholdEntity.options.name, 'household', 'household.noKK = kept.noKK')
    .where('kept.untilPeriod IS NULL')
    .andWhere('household.noKK IS NULL')
    .getMany();
  const left = leavers.filter((before) => !before.leftRegister);

  // The index a page at a time, each page with its families' current rows: memory holds a page,
  // not the nation's rows.
  let after = '';
  for (;;) {
    const page = await manager.find(ResolvedHouseholdEntity, { where: { noKK: MoreThan(after) }, order: { noKK: 'ASC' }, take: HOUSEHOLDS_PER_READ });
    if (page.length === 0) break;
    const current = new Map<string, PeriodState>();
    for (const slice of chunk(page.map((household) => household.noKK), KEYS_PER_STATEMENT)) {
      for (const row of await manager.find(PeriodHouseholdEntity, { where: { noKK: In(slice), untilPeriod: IsNull() } })) current.set(row.noKK, row);
    }
    const changed: PeriodHouseholdRow[] = [];
    /** The families whose current row this period ends. */
    const ending: string[] = [];
    for (const household of page) {
      const state = periodStateOf(household);
      const before = current.get(household.noKK);
      if (before && sameState(before, state)) continue;
      if (before) ending.push(household.noKK);
      changed.push({ noKK: household.noKK, period, untilPeriod: null, ...state });
    }
    await write(ending, changed);
    after = page[page.length - 1]?.noKK ?? after;
  }
  await write(
    left.map((before) => before.noKK),
    left.map((before) => ({ noKK: before.noKK, period, untilPeriod: null, ...leftState(before) })),
  );

  const measures = SUMMARY_MEASURES.join(', ');
  await manager.query(`INSERT INTO period_region_summary (period, region_code, desil, ${measures}) SELECT ?, region_code, desil, ${measures} FROM region_summary`, [period]);
  await manager.query('INSERT INTO period_region_issue_count (period, region_code, code, families) SELECT ?, region_code, code, families FROM region_issue_count', [period]);
  const kept: ResolutionPeriodRow = { period, ...run };
  await manager.insert(ResolutionPeriodEntity, kept);
  return written;
}
