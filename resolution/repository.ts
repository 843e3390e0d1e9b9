import { In, IsNull, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { groupByKeys } from '../common/loaders';
import { chunk } from '../common/store/chunks';
import { insertRows } from '../common/store/bulk-insert';
import { newListingKey } from '../common/store/listing-key';
import {
  ResolutionRunEntity,
  ResolvedHouseholdEntity,
  ResolvedIssueEntity,
  SUMMARY_MEASURES,
  type ResolutionRunRow,
  type ResolvedIssueRow,
} from './entities';
import { fromIndexRows, toIndexRows, type ResolvedHousehold } from './household';
import { ResolutionPeriodEntity } from './period-entities';
import { keepPeriod } from './periods';
import { RegionSummaryDelta } from './region-summary';
import { createRunLock, type RunLock } from './run-lock';

/** A stored run: its row, with the id the store gave it. */
export type ResolutionRun = ResolutionRunRow & { readonly id: number };

export interface RunProgress {
  readonly cursors: string;
  readonly familiesDone: number;
  readonly familiesTotal: number;
  readonly progressAt: string;
}

export interface IssueKey {
  readonly noKK: string;
  readonly code: string;
  readonly nik: string | null;
}

export interface IndexRepository {
  /** The lease a run holds while it writes the index (resolution/run-lock.ts). */
  readonly lock: RunLock;
  /** Stores the households (replacing earlier rows and issues of the same No. KK) in one transaction. */
  saveHouseholds(households: readonly ResolvedHousehold[], runId: number, resolvedAt: string): Promise<void>;
  /** Those of `noKKs` the run `runId` has stored. */
  resolvedInRun(runId: number, noKKs: readonly string[]): Promise<Set<string>>;
  /** A new run, with nothing done yet of the `familiesTotal` listing entries it has to walk (default 0: not counted). */
  startRun(run: { ruleSet: string; evaluationDate: string; startedAt: string; cursors: string; familiesTotal?: number; period?: string | null }): Promise<ResolutionRun>;
  /** The most recent run that has not finished, if any. */
  unfinishedRun(): Promise<ResolutionRun | null>;
  lastFinishedRun(): Promise<ResolutionRun | null>;
  saveCursors(runId: number, cursors: string): Promise<void>;
  /** Records how far a run has come, for the gateway to show while it runs (one UPDATE). */
  saveProgress(runId: number, progress: RunProgress): Promise<void>;
  /**
   * Ends a run: households no longer listed by any register (not resolved by it) leave the index,
   * and the run records how many it resolved. Returns that number. A run of a period keeps the
   * period in the same transaction (resolution/periods.ts).
   */
  finishRun(runId: number, finishedAt: string): Promise<number>;
  /** The newest period the index keeps (YYYY-MM), null when it keeps none. */
  newestPeriod(): Promise<string | null>;
  runs(): Promise<ResolutionRun[]>;
  household(noKK: string): Promise<ResolvedHousehold | null>;
  countHouseholds(): Promise<number>;
  countIssues(): Promise<number>;
  /** Every household of the index, by No. KK, read `pageSize` at a time. */
  households(pageSize?: number): AsyncGenerator<ResolvedHousehold>;
  /** Every stored data-quality issue's (No. KK, code, NIK), read `pageSize` at a time. */
  issueKeys(pageSize?: number): AsyncGenerator<IssueKey>;
}

/** Keeps `IN (...)` lists well under every driver's parameter limit. */
const KEYS_PER_STATEMENT = 500;
/** Summary rows per upsert: 26 columns each, under SQLite's 32,766 bound parameters. */
const SUMMARY_ROWS_PER_STATEMENT = 500;

/**
 * Takes the households of these No. KKs and their issues out of the index, and counts them out of
 * `delta`: one read of the rows, one of their issues and the deletes, per slice of keys. Returns
 * the listing keys of the households taken out, by No. KK.
 */
async function removeHouseholds(manager: EntityManager, noKKs: readonly string[], delta: RegionSummaryDelta): Promise<Map<string, string>> {
  const listingKeys = new Map<string, string>();
  for (const keys of chunk(noKKs, KEYS_PER_STATEMENT)) {
    // Which are there, with a bare statement first: a run over an empty index (and the families new to it) has none to read.
    const present: { no_kk: string }[] = await manager.query(`SELECT no_kk FROM resolved_household WHERE no_kk IN (${keys.map(() => '?').join(', ')})`, keys);
    if (present.length === 0) continue;
    const slice = present.map((row) => row.no_kk);
    const leaving = await manager.find(ResolvedHouseholdEntity, { where: { noKK: In(slice) } });
    if (leaving.length === 0) continue;
    for (const row of leaving) if (row.listingKey) listingKeys.set(row.noKK, row.listingKey);
    const found = await manager.find(ResolvedIssueEntity, { select: { noKK: true, code: true }, where: { noKK: In(slice) } });
    const issuesOfLeaving = groupByKeys(leaving.map((row) => row.noKK), found, (issue) => issue.noKK);
    for (const [position, row] of leaving.entries()) delta.add(row, (issuesOfLeaving[position] ?? []).map((issue) => issue.code), -1);
    await manager.delete(ResolvedIssueEntity, { noKK: In(slice) });
    await manager.delete(ResolvedHouseholdEntity, { noKK: In(slice) });
  }
  return listingKeys;
}

/**
 * Adds `delta` to the region summary, in the caller's transaction: one increment upsert per table
 * (a slice of rows at a time) and, when families left, one delete of the rows left with none. The
 * database adds, so nothing is read first, and a family resolved again as it was writes nothing.
 */
async function writeRegionSummary(manager: EntityManager, delta: RegionSummaryDelta): Promise<void> {
  const { summary, issues, emptied } = delta.changes();
  const mysql = manager.connection.options.type === 'mysql' || manager.connection.options.type === 'mariadb';
  const added = (column: string) => (mysql ? `${column} = ${column} + VALUES(${column})` : `${column} = ${column} + excluded.${column}`);
  const upsert = (table: string, keys: readonly string[], columns: readonly string[]) => {
    const all = [...keys, ...columns];
    const conflict = mysql ? 'ON DUPLICATE KEY UPDATE' : `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET`;
    return (rows: number) =>
      `INSERT INTO ${table} (${all.join(', ')}) VALUES ${new Array<string>(rows).fill(`(${all.map(() => '?').join(', ')})`).join(', ')} ${conflict} ${columns.map(added).join(', ')}`;
  };
  const summaryInsert = upsert('region_summary', ['region_code', 'desil'], SUMMARY_MEASURES);
  for (const slice of chunk(summary, SUMMARY_ROWS_PER_STATEMENT)) {
    await manager.query(summaryInsert(slice.length), slice.flatMap((change) => [change.regionCode, change.desil, ...SUMMARY_MEASURES.map((measure) => change.counts[measure])]));
  }
  const issueInsert = upsert('region_issue_count', ['region_code', 'code'], ['families']);
  for (const slice of chunk(issues, SUMMARY_ROWS_PER_STATEMENT)) {
    await manager.query(issueInsert(slice.length), slice.flatMap((change) => [change.regionCode, change.code, change.families]));
  }
  if (!emptied) return;
  // A region and desil, or a region and issue, left with no family: rare.
  const regionCodes = [...new Set([...summary, ...issues].map((change) => change.regionCode))];
  for (const slice of chunk(regionCodes, KEYS_PER_STATEMENT)) {
    const list = slice.map(() => '?').join(', ');
    await manager.query(`DELETE FROM region_summary WHERE families <= 0 AND region_code IN (${list})`, slice);
    await manager.query(`DELETE FROM region_issue_count WHERE families <= 0 AND region_code IN (${list})`, slice);
  }
}

export function toRun(row: ResolutionRunRow): ResolutionRun {
  if (row.id === undefined) throw new Error('A stored run has no id');
  return { ...row, id: row.id };
}

export function createIndexRepository(dataSource: DataSource): IndexRepository {
  const households = dataSource.getRepository(ResolvedHouseholdEntity);
  const issues = dataSource.getRepository(ResolvedIssueEntity);
  const runs = dataSource.getRepository(ResolutionRunEntity);

  /** The issues of each No. KK, in the order of `noKKs` and, within a family, in the order stored. */
  async function issuesOf(noKKs: readonly string[]): Promise<ResolvedIssueRow[][]> {
    const found: ResolvedIssueRow[] = [];
    for (const slice of chunk(noKKs, KEYS_PER_STATEMENT)) found.push(...(await issues.find({ where: { noKK: In(slice) }, order: { id: 'ASC' } })));
    return groupByKeys(noKKs, found, (issue) => issue.noKK);
  }

  return {
    lock: createRunLock(dataSource),
    async saveHouseholds(resolved, runId, resolvedAt) {
      if (resolved.length === 0) return;
      const rows = resolved.map((household) => toIndexRows(household, runId, resolvedAt));
      const noKKs = rows.map((row) => row.household.noKK);
      await dataSource.transaction(async (manager) => {
        const delta = new RegionSummaryDelta();
        // A family resolved again keeps its place in listings: clients paging while a run writes are not thrown off.
        const listingKeys = await removeHouseholds(manager, noKKs, delta);
        const runner = manager.queryRunner;
        if (!runner) throw new Error('A transaction without a query runner');
        await insertRows(
          runner,
          ResolvedHouseholdEntity,
          rows.map((row) => ({ ...row.household, listingKey: listingKeys.get(row.household.noKK) ?? newListingKey() })),
        );
        await insertRows(runner, ResolvedIssueEntity, rows.flatMap((row) => row.issues));
        for (const row of rows) delta.add(row.household, row.issues.map((issue) => issue.code), 1);
        await writeRegionSummary(manager, delta);
      });
    },

    async resolvedInRun(runId, noKKs) {
      const found = new Set<string>();
      for (const slice of chunk(noKKs, KEYS_PER_STATEMENT)) {
        const rows: { no_kk: string }[] = await dataSource.query(
          `SELECT no_kk FROM resolved_household WHERE run_id = ? AND no_kk IN (${slice.map(() => '?').join(', ')})`,
          [runId, ...slice],
        );
        for (const row of rows) found.add(row.no_kk);
      }
      return found;
    },

    async startRun({ familiesTotal = 0, period = null, ...run }) {
      const saved = await runs.save({ ...run, period, finishedAt: null, families: 0, familiesDone: 0, familiesTotal, progressAt: run.startedAt });
      return toRun(saved);
    },

    async unfinishedRun() {
      const row = await runs.findOne({ where: { finishedAt: IsNull() }, order: { id: 'DESC' } });
      return row ? toRun(row) : null;
    },

    async lastFinishedRun() {
      const row = await runs.findOne({ where: { finishedAt: Not(IsNull()) }, order: { id: 'DESC' } });
      return row ? toRun(row) : null;
    },

    async saveCursors(runId, cursors) {
      await runs.update({ id: runId }, { cursors });
    },

    async saveProgress(runId, progress) {
      await runs.update({ id: runId }, progress);
    },

    async finishRun(runId, finishedAt) {
      return dataSource.transaction(async (manager) => {
        const stale = await manager.find(ResolvedHouseholdEntity, { select: { noKK: true }, where: { runId: Not(runId) } });
        const delta = new RegionSummaryDelta();
        await removeHouseholds(
          manager,
          stale.map((row) => row.noKK),
          delta,
        );
        await writeRegionSummary(manager, delta);
        const families = await manager.count(ResolvedHouseholdEntity, { where: { runId } });
        await manager.update(ResolutionRunEntity, { id: runId }, { finishedAt, families });
        const run = await manager.findOneByOrFail(ResolutionRunEntity, { id: runId });
        if (run.period !== null) {
          await keepPeriod(manager, run.period, { runId, finishedAt, ruleSet: run.ruleSet, evaluationDate: run.evaluationDate, families });
        }
        return families;
      });
    },

    async newestPeriod() {
      const [newest] = await dataSource.getRepository(ResolutionPeriodEntity).find({ order: { period: 'DESC' }, take: 1 });
      return newest?.period ?? null;
    },

    async runs() {
      return (await runs.find({ order: { id: 'ASC' } })).map(toRun);
    },

    async household(noKK) {
      const row = await households.findOne({ where: { noKK } });
      if (!row) return null;
      const [rowIssues = []] = await issuesOf([noKK]);
      return fromIndexRows(row, rowIssues);
    },

    countHouseholds: () => households.count(),
    countIssues: () => issues.count(),

    async *households(pageSize = 1000) {
      let after = '';
      for (;;) {
        const page = await households.find({ where: { noKK: MoreThan(after) }, order: { noKK: 'ASC' }, take: pageSize });
        if (page.length === 0) return;
        const pageIssues = await issuesOf(page.map((row) => row.noKK));
        for (const [position, row] of page.entries()) yield fromIndexRows(row, pageIssues[position] ?? []);
        after = page[page.length - 1]?.noKK ?? after;
      }
    },

    async *issueKeys(pageSize = 5000) {
      let after = 0;
      for (;;) {
        const page = await issues.find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: pageSize });
        if (page.length === 0) return;
        for (const issue of page) yield { noKK: issue.noKK, code: issue.code, nik: issue.nik };
        after = page[page.length - 1]?.id ?? after;
      }
    },
  };
}
