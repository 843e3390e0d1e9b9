import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { storeUrlsFrom } from '../common/config';
import { closeStore, connectMysqlServer } from '../common/store/open-store';
import { REGISTERS, type Register } from '../common/store-url';

/** The bench's stores: the registers' and the resolution index. */
type StoreName = Register | 'index';
import { createIndexRepository, type IndexRepository } from '../resolution/repository';
import { runResolution } from '../resolution/run';
import { openIndexStore } from '../resolution/store';
import { progressReporter } from '../seed/progress';
import { seedStores, storesHaveData } from '../seed/seed';

// Where the bench keeps its stores: SQLite files in a folder, or one database per store on a
// MariaDB/MySQL server. With --keep-data the stores outlive the run under names that depend only on
// the number of families, so a later run of the same size reuses them instead of seeding and
// resolving again (1,000,000 families take the better part of an hour to seed and resolve).

export const STORE_KINDS = ['sqlite', 'mariadb'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

const STORES: readonly StoreName[] = [...REGISTERS, 'index'];

/** What a finished seeding left behind, so a reusing run can report the data it did not seed. */
export interface SeedRecord {
  readonly families: number;
  readonly persons: number;
  readonly seconds: number;
}

export interface BenchStoreOptions {
  readonly kind: StoreKind;
  readonly families: number;
  /** `mysql://user:pass@host:port`, for `mariadb`. */
  readonly mysqlUrl: string;
  readonly keepData: boolean;
}

export interface BenchStores {
  readonly kind: StoreKind;
  readonly registers: Readonly<Record<Register, string>>;
  readonly index: string;
  /** The store variables every process of the bench gets. */
  readonly env: Readonly<Record<string, string>>;
  /** Database names or the folder, for the log (no credentials). */
  readonly location: string;
  /** The seeding recorded by `recordSeeding`; null when none finished. */
  readSeeding(): Promise<SeedRecord | null>;
  recordSeeding(record: SeedRecord): Promise<void>;
  /** Drops every store of the bench (its own databases or folder), the seeding record with them. */
  remove(): Promise<void>;
}

export type SeedPlan =
  | { readonly action: 'seed' }
  | { readonly action: 'reuse'; readonly seeded: SeedRecord }
  | { readonly action: 'reseed'; readonly reason: string };

/**
 * Whether to seed: reuse a finished seeding of the same size; start afresh over stores that hold
 * data without one (an interrupted seeding, which the seeder would refuse to continue).
 */
export function seedPlan(families: number, recorded: SeedRecord | null, storesHoldData: boolean): SeedPlan {
  if (recorded !== null && recorded.families === families) return { action: 'reuse', seeded: recorded };
  if (recorded !== null) return { action: 'reseed', reason: `the stores hold a seeding of ${recorded.families} families, not ${families}` };
  if (storesHoldData) return { action: 'reseed', reason: 'the stores hold data from a seeding that did not finish' };
  return { action: 'seed' };
}

/** The data the scenarios run on; `seconds` null when an earlier run seeded it. */
export interface SeededData {
  readonly persons: number;
  readonly seconds: number | null;
}

/** Seeds the bench's stores unless they hold a finished seeding of the same size (see seedPlan). */
export async function seedOrReuse(stores: BenchStores, families: number, evaluationDate: Date): Promise<SeededData> {
  const plan = seedPlan(families, await stores.readSeeding(), await storesHaveData(stores.registers));
  if (plan.action === 'reuse') {
    console.log(`reusing ${families} seeded families (${plan.seeded.persons} persons) in ${stores.location}`);
    return { persons: plan.seeded.persons, seconds: null };
  }
  if (plan.action === 'reseed') {
    console.log(`seeding afresh: ${plan.reason}`);
    await stores.remove();
  }
  const progress = progressReporter();
  const seeded = await seedStores({ families, seed: 1, evaluationDate, stores: stores.registers, onProgress: (done, total) => progress.update(done, total) });
  progress.stop();
  await stores.recordSeeding({ families, persons: seeded.persons, seconds: seeded.seconds });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `seeded ${seeded.families} families (${seeded.persons} persons) in ${seeded.seconds.toFixed(1)} s, ` +
      `${seeded.familiesPerSecond.toFixed(0)} families/s, peak RSS ${peakRssMb.toFixed(0)} MB, into ${stores.location}`,
  );
  return { persons: seeded.persons, seconds: seeded.seconds };
}

/**
 * A resolution this run did: all of it from an empty index, or the part `--resolve-seconds` allowed,
 * or the rest of an interrupted run.
 */
export interface MeasuredResolution {
  readonly seconds: number;
  /** The families this run added to the index. */
  readonly families: number;
  /** False when the time limit stopped it. */
  readonly finished: boolean;
  /** True when it went on with an interrupted run: `families` are those it added to the ones already there. */
  readonly resumed: boolean;
}

/**
 * Fills the index through the gateway unless an earlier run did, going on with an interrupted run.
 * With `limitSeconds` it stops there (a million families take hours on one machine): the throughput
 * is measured over what was resolved, and the index holds only that. Null when the index was reused.
 */
export async function resolveOrReuse(indexUrl: string, gatewayUrl: string, gatewayToken: string, limitSeconds: number | null): Promise<MeasuredResolution | null> {
  const store = await openIndexStore(indexUrl);
  try {
    const index = createIndexRepository(store);
    const before = await indexState(index);
    if (before === 'finished') {
      console.log('reusing the index of an earlier run');
      return null;
    }
    const householdsBefore = await index.countHouseholds();
    const summary = await runResolution({
      index,
      gatewayUrl,
      gatewayToken,
      ...(limitSeconds === null ? {} : { signal: AbortSignal.timeout(limitSeconds * 1000) }),
    });
    console.log(`resolved ${summary.families} families in ${summary.seconds.toFixed(1)} s${summary.finished ? '' : ' (stopped by --resolve-seconds)'}${before === 'unfinished' ? ' (resuming an interrupted run)' : ''}`);
    // A finished run counts every household of the index; an unfinished one, those it listed.
    const families = summary.finished ? (await index.countHouseholds()) - householdsBefore : summary.families;
    return { seconds: summary.seconds, families, finished: summary.finished, resumed: before === 'unfinished' };
  } finally {
    await closeStore(store);
  }
}

type IndexState = 'empty' | 'unfinished' | 'finished';

/** The index's runs: a full resolution is measured only when it starts from an empty index. */
async function indexState(index: IndexRepository): Promise<IndexState> {
  if ((await index.unfinishedRun()) !== null) return 'unfinished';
  return (await index.lastFinishedRun()) === null ? 'empty' : 'finished';
}

/** Database names of one bench run: `bench_<families>_<store>`, with a run tag unless the data is kept. */
export function benchDatabaseNames(families: number, runTag: string | null): Readonly<Record<StoreName | 'meta', string>> {
  const base = runTag === null ? `bench_${families}` : `bench_${families}_${runTag}`;
  return Object.fromEntries([...STORES, 'meta'].map((store) => [store, `${base}_${store}`])) as Record<StoreName | 'meta', string>;
}

export function openBenchStores(options: BenchStoreOptions): BenchStores {
  return options.kind === 'mariadb' ? mariadbStores(options) : sqliteStores(options);
}

function storeEnv(urls: Readonly<Record<StoreName, string>>): Record<string, string> {
  return Object.fromEntries(STORES.map((store) => [`${store.toUpperCase()}_DATABASE_URL`, urls[store]]));
}

function sqliteStores({ families, keepData }: BenchStoreOptions): BenchStores {
  const dataDir = keepData ? path.join(os.tmpdir(), `dtsen-bench-${families}`) : mkdtempSync(path.join(os.tmpdir(), 'dtsen-bench-'));
  mkdirSync(dataDir, { recursive: true });
  const urls = storeUrlsFrom(STORES, { DATA_DIR: dataDir });
  const recordFile = path.join(dataDir, 'seeding.json');
  return {
    kind: 'sqlite',
    registers: urls,
    index: urls.index,
    env: storeEnv(urls),
    location: dataDir,
    readSeeding: async () => (existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as SeedRecord) : null),
    recordSeeding: async (record) => writeFileSync(recordFile, JSON.stringify(record)),
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function mariadbStores({ families, keepData, mysqlUrl }: BenchStoreOptions): BenchStores {
  const names = benchDatabaseNames(families, keepData ? null : `${process.pid}`);
  const withDatabase = (database: string) => {
    const url = new URL(mysqlUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const urls = Object.fromEntries(STORES.map((store) => [store, withDatabase(names[store])])) as Record<StoreName, string>;
  // The seeding record lives in a database of its own: the stores' schemas belong to their migrations.
  const onServer = async <T>(work: (connection: mysql.Connection) => Promise<T>): Promise<T> => {
    const connection = await connectMysqlServer(mysqlUrl);
    try {
      return await work(connection);
    } finally {
      await connection.end();
    }
  };
  return {
    kind: 'mariadb',
    registers: urls,
    index: urls.index,
    env: storeEnv(urls),
    location: `databases ${STORES.map((store) => names[store]).join(', ')} (and ${names.meta}) on ${new URL(mysqlUrl).host}`,
    readSeeding: () =>
      onServer(async (connection) => {
        const [tables] = await connection.query<mysql.RowDataPacket[]>(
          'SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
          [names.meta, 'seeding'],
        );
        if (tables.length === 0) return null;
        const [rows] = await connection.query<mysql.RowDataPacket[]>(`SELECT families, persons, seconds FROM \`${names.meta}\`.seeding LIMIT 1`);
        const row = rows[0];
        return row ? { families: Number(row['families']), persons: Number(row['persons']), seconds: Number(row['seconds']) } : null;
      }),
    recordSeeding: (record) =>
      onServer(async (connection) => {
        await connection.query(`CREATE DATABASE IF NOT EXISTS \`${names.meta}\``);
        await connection.query(`CREATE TABLE IF NOT EXISTS \`${names.meta}\`.seeding (families INT NOT NULL, persons INT NOT NULL, seconds DOUBLE NOT NULL)`);
        await connection.query(`DELETE FROM \`${names.meta}\`.seeding`);
        await connection.query(`INSERT INTO \`${names.meta}\`.seeding VALUES (?, ?, ?)`, [record.families, record.persons, record.seconds]);
      }),
    remove: () =>
      onServer(async (connection) => {
        for (const name of Object.values(names)) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      }),
  };
}
