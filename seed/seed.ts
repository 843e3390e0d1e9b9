import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { closeStore } from '../common/store/open-store';
import { REGISTERS, type Register } from '../common/store-url';
import { createDtksRepository } from '../subgraphs/dtks/repository';
import { openDtksStore } from '../subgraphs/dtks/store';
import { createP3keRepository } from '../subgraphs/p3ke/repository';
import { openP3keStore } from '../subgraphs/p3ke/store';
import { createRegsosekRepository } from '../subgraphs/regsosek/repository';
import { openRegsosekStore } from '../subgraphs/regsosek/store';
import { generateBatch, type GeneratedBatch, MAX_FAMILIES, seedRegion } from './generator';

/** Larger batches commit less often; 5,000 is ~1.5x faster than 1,000 into SQLite at 100,000 families. */
export const DEFAULT_BATCH_SIZE = 5_000;

export interface SeedOptions {
  readonly families: number;
  readonly seed: number;
  /** Plain code of the province or regency the families live in (default 31, DKI Jakarta). */
  readonly region?: string;
  readonly batchSize?: number;
  readonly evaluationDate: Date;
  /** Store URL per register: `sqlite:<path>` or `mysql://…/db`. */
  readonly stores: Readonly<Record<Register, string>>;
  /** Where to write the ground truth, one JSON line per household; none when omitted. */
  readonly truthFile?: string;
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
  readonly registers: Readonly<Record<Register, RegisterCount>>;
  readonly truthLines: number;
  readonly seconds: number;
  readonly familiesPerSecond: number;
}

/** Seeding only fills empty stores: mixing two runs would break NIK/KK uniqueness and the truth. */
export class StoresNotEmptyError extends Error {
  constructor(readonly counts: Readonly<Record<Register, number>>) {
    const held = REGISTERS.filter((register) => counts[register] > 0).map((register) => `${register}: ${counts[register]} families`);
    super(`The stores already hold data (${held.join(', ')}); seed into empty stores (remove the SQLite files or drop the databases first)`);
    this.name = 'StoresNotEmptyError';
  }
}

interface OpenStores {
  readonly dataSources: readonly DataSource[];
  readonly dtks: ReturnType<typeof createDtksRepository>;
  readonly regsosek: ReturnType<typeof createRegsosekRepository>;
  readonly p3ke: ReturnType<typeof createP3keRepository>;
}

async function closeAll(dataSources: readonly DataSource[]): Promise<void> {
  await Promise.allSettled(dataSources.map((dataSource) => closeStore(dataSource)));
}

/** Opens the three stores (migrations run on open); closes the ones opened if another fails. */
async function openStores(stores: Readonly<Record<Register, string>>): Promise<OpenStores> {
  const opening = await Promise.allSettled([openDtksStore(stores.dtks), openRegsosekStore(stores.regsosek), openP3keStore(stores.p3ke)]);
  const opened = opening.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = opening.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await closeAll(opened);
    throw failed.reason;
  }
  const [dtks, regsosek, p3ke] = opened as [DataSource, DataSource, DataSource];
  return {
    dataSources: opened,
    dtks: createDtksRepository(dtks),
    regsosek: createRegsosekRepository(regsosek),
    p3ke: createP3keRepository(p3ke),
  };
}

async function familyCounts(open: OpenStores): Promise<Record<Register, number>> {
  const [dtks, regsosek, p3ke] = await Promise.all([open.dtks.countFamilies(), open.regsosek.countFamilies(), open.p3ke.countFamilies()]);
  return { dtks, regsosek, p3ke };
}

/** Whether any of the stores already holds families (a second start reuses the data). */
export async function storesHaveData(stores: Readonly<Record<Register, string>>): Promise<boolean> {
  const open = await openStores(stores);
  try {
    const counts = await familyCounts(open);
    return REGISTERS.some((register) => counts[register] > 0);
  } finally {
    await closeAll(open.dataSources);
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

const countMembers = (records: readonly { readonly members: readonly unknown[] }[]): number =>
  records.reduce((sum, record) => sum + record.members.length, 0);

/**
 * Generates `families` families and writes them into the three empty stores, batch by batch (the
 * next batch is generated while the previous one is being inserted), with the ground truth
 * streamed to `truthFile`. Refuses stores that already hold families.
 */
export async function seedStores(options: SeedOptions): Promise<SeedReport> {
  const batchSize = checkOptions(options);
  const started = performance.now();
  const open = await openStores(options.stores);
  let truth: TruthWriter | null = null;
  try {
    const before = await familyCounts(open);
    if (REGISTERS.some((register) => before[register] > 0)) throw new StoresNotEmptyError(before);
    truth = options.truthFile ? await TruthWriter.open(options.truthFile) : null;
    options.onProgress?.(0, options.families);

    const families = { dtks: 0, regsosek: 0, p3ke: 0 };
    const members = { dtks: 0, regsosek: 0, p3ke: 0 };
    let truthLines = 0;
    let persons = 0;
    let done = 0;
    const store = async (batch: GeneratedBatch, count: number): Promise<void> => {
      // All three settle before a failure is reported, so no insert is still running when the stores close.
      const inserts = await Promise.allSettled([
        open.dtks.insertFamilies(batch.dtks),
        open.regsosek.insertFamilies(batch.regsosek),
        open.p3ke.insertFamilies(batch.p3ke),
      ]);
      const failed = inserts.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
      await truth?.write(batch.truth);
      for (const register of REGISTERS) {
        families[register] += batch[register].length;
        members[register] += countMembers(batch[register]);
      }
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
      registers: Object.fromEntries(
        REGISTERS.map((register) => [register, { families: families[register], members: members[register] }]),
      ) as Record<Register, RegisterCount>,
      truthLines,
      seconds,
      familiesPerSecond: options.families / seconds,
    };
  } finally {
    truth?.destroy();
    await closeAll(open.dataSources);
  }
}
