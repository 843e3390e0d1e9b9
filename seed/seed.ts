import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { closeStore } from '../common/store/open-store';
import type { StoredSubgraphDescriptor } from '../common/subgraph/descriptor';
import { openSubgraphStore, type AnyFamilyRepository } from '../common/subgraph/stored-subgraph';
import { STORED_SUBGRAPHS } from '../subgraphs/registry';
import { generateBatch, type GeneratedBatch, MAX_FAMILIES, type PbiJkErrorRates, seedRegion } from './generator';
import { seedBatchOf } from './seed-batch';

/** Larger batches commit less often; 5,000 is ~1.5x faster than 1,000 into SQLite at 100,000 families. */
export const DEFAULT_BATCH_SIZE = 5_000;

export interface SeedOptions {
  readonly families: number;
  readonly seed: number;
  /** Plain code of the province or regency the families live in (default 31, DKI Jakarta). */
  readonly region?: string;
  readonly batchSize?: number;
  readonly evaluationDate: Date;
  /** Store URL per stored subgraph of the registry: `sqlite:<path>` or `mysql://…/db`. */
  readonly stores: Readonly<Record<string, string>>;
  /** The subgraphs to write (default: every stored subgraph of subgraphs/registry.ts). */
  readonly subgraphs?: readonly StoredSubgraphDescriptor[];
  /** Where to write the ground truth, one JSON line per household; none when omitted. */
  readonly truthFile?: string;
  /** PBI-JK errors to inject (default: the generator's). */
  readonly pbiJkErrors?: PbiJkErrorRates;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RegisterCount {
  readonly families: number;
  readonly members: number;
}

export interface SeedReport {
  readonly families: number;
  /** People generated (each counted once, however many registers list them). */
  readonly persons: number;
  /** Rows written per stored subgraph, by name, in the registry's order. */
  readonly registers: Readonly<Record<string, RegisterCount>>;
  readonly truthLines: number;
  readonly seconds: number;
  readonly familiesPerSecond: number;
}

/** Seeding only fills empty stores: mixing two runs would break NIK/KK uniqueness and the truth. */
export class StoresNotEmptyError extends Error {
  constructor(readonly counts: Readonly<Record<string, number>>) {
    const held = Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name}: ${count} families`);
    super(`The stores already hold data (${held.join(', ')}); seed into empty stores (remove the SQLite files or drop the databases first)`);
    this.name = 'StoresNotEmptyError';
  }
}

interface OpenStore {
  readonly subgraph: StoredSubgraphDescriptor;
  readonly dataSource: DataSource;
  readonly repository: AnyFamilyRepository;
}

async function closeAll(open: readonly OpenStore[]): Promise<void> {
  await Promise.allSettled(open.map((store) => closeStore(store.dataSource)));
}

/** Opens every subgraph's store (migrations run on open); closes the ones opened if another fails. */
async function openStores(subgraphs: readonly StoredSubgraphDescriptor[], stores: Readonly<Record<string, string>>): Promise<OpenStore[]> {
  const opening = await Promise.allSettled(
    subgraphs.map(async (subgraph) => {
      const url = stores[subgraph.name];
      if (url === undefined) throw new Error(`No store URL for the ${subgraph.name} subgraph`);
      return { subgraph, ...(await openSubgraphStore(subgraph, url)) };
    }),
  );
  const opened = opening.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = opening.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await closeAll(opened);
    throw failed.reason;
  }
  return opened;
}

async function familyCounts(open: readonly OpenStore[]): Promise<Record<string, number>> {
  const counts = await Promise.all(open.map((store) => store.repository.countFamilies()));
  return Object.fromEntries(open.map((store, index) => [store.subgraph.name, counts[index] ?? 0]));
}

/** Whether any of the stores already holds families (a second start reuses the data). */
export async function storesHaveData(stores: Readonly<Record<string, string>>, subgraphs: readonly StoredSubgraphDescriptor[] = STORED_SUBGRAPHS): Promise<boolean> {
  const open = await openStores(subgraphs, stores);
  try {
    return Object.values(await familyCounts(open)).some((count) => count > 0);
  } finally {
    await closeAll(open);
  }
}

function checkOptions(options: SeedOptions): number {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(options.families) || options.families < 1 || options.families > MAX_FAMILIES) {
    throw new RangeError(`families must be an integer from 1 to ${MAX_FAMILIES}, got ${options.families}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  // Throws for a code that is no province or regency with villages, before a store is opened.
  if (options.region !== undefined) seedRegion(options.region);
  return batchSize;
}

/** Appends JSON lines to a file, waiting when the stream's buffer is full. */
class TruthWriter {
  private constructor(private readonly stream: WriteStream) {}

  static async open(file: string): Promise<TruthWriter> {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const stream = createWriteStream(file, { flags: 'w' });
    await once(stream, 'open');
    return new TruthWriter(stream);
  }

  async write(lines: GeneratedBatch['truth']): Promise<void> {
    if (lines.length === 0) return;
    const text = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }

  destroy(): void {
    this.stream.destroy();
  }
}

/** Members of the records written; a subgraph whose records list none counts none. */
const countMembers = (records: readonly { readonly members?: readonly unknown[] }[]): number =>
  records.reduce((sum, record) => sum + (record.members?.length ?? 0), 0);

/**
 * Generates `families` families and writes them into the empty stores of every stored subgraph, batch by batch (the
 * next batch is generated while the previous one is being inserted), with the ground truth
 * streamed to `truthFile`. Refuses stores that already hold families.
 */
export async function seedStores(options: SeedOptions): Promise<SeedReport> {
  const batchSize = checkOptions(options);
  const started = performance.now();
  const open = await openStores(options.subgraphs ?? STORED_SUBGRAPHS, options.stores);
  let truth: TruthWriter | null = null;
  try {
    const before = await familyCounts(open);
    if (Object.values(before).some((count) => count > 0)) throw new StoresNotEmptyError(before);
    truth = options.truthFile ? await TruthWriter.open(options.truthFile) : null;
    options.onProgress?.(0, options.families);

    const families: Record<string, number> = Object.fromEntries(open.map((store) => [store.subgraph.name, 0]));
    const members: Record<string, number> = { ...families };
    let truthLines = 0;
    let persons = 0;
    let done = 0;
    const store = async (batch: GeneratedBatch, count: number): Promise<void> => {
      const seedBatch = seedBatchOf(batch);
      const rows = open.map((store) => store.subgraph.seedRows(seedBatch));
      // All settle before a failure is reported, so no insert is still running when the stores close.
      const inserts = await Promise.allSettled(open.map((store, index) => store.repository.insertFamilies(rows[index] ?? [])));
      const failed = inserts.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
      await truth?.write(batch.truth);
      open.forEach((store, index) => {
        const written = rows[index] ?? [];
        families[store.subgraph.name] = (families[store.subgraph.name] ?? 0) + written.length;
        members[store.subgraph.name] = (members[store.subgraph.name] ?? 0) + countMembers(written as readonly { readonly members?: readonly unknown[] }[]);
      });
      truthLines += batch.truth.length;
      persons += batch.persons;
      done += count;
      options.onProgress?.(done, options.families);
    };

    let inserting: Promise<void> | null = null;
    for (let start = 0; start < options.families; start += batchSize) {
      const count = Math.min(batchSize, options.families - start);
      const batch = generateBatch({
        seed: options.seed,
        start,
        count,
        evaluationDate: options.evaluationDate,
        runFamilies: options.families,
        ...(options.region === undefined ? {} : { region: options.region }),
        ...(options.pbiJkErrors === undefined ? {} : { pbiJkErrors: options.pbiJkErrors }),
      });
      if (inserting) await inserting;
      inserting = store(batch, count);
    }
    if (inserting) await inserting;
    await truth?.close();
    truth = null;

    const seconds = (performance.now() - started) / 1000;
    return {
      families: options.families,
      persons,
      registers: Object.fromEntries(open.map(({ subgraph: { name } }) => [name, { families: families[name] ?? 0, members: members[name] ?? 0 }])),
      truthLines,
      seconds,
      familiesPerSecond: options.families / seconds,
    };
  } finally {
    truth?.destroy();
    await closeAll(open);
  }
}
