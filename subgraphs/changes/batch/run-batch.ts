import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerOf } from '../../../common/import/format';
import type { Period } from '../../../common/period';
import { closeStore, openStore } from '../../../common/store/open-store';
import { fileChecksum } from '../../../import/checksum';
import type { ChangeKind } from '../records';
import { CHANGES_STORE } from '../store';
import { createBatchRepository, type BatchRepository } from './batch-repository';
import { composeBatch, type RegisterView } from './compose';
import { cellsOf, rowsOfCells } from './family-cells';
import { openRegisterReader, type RegisterReader } from './register-stores';
import { BATCH_REGISTERS } from './register-of-record';

/** Where the changes store and the registers' stores are (`sqlite:` or `mysql://` URLs; they hold credentials: never print them). */
export interface BatchStores {
  readonly changesUrl: string;
  /** By register, for every register a batch may write (register-of-record.ts). */
  readonly registerUrls: Readonly<Record<string, string>>;
  /** The clock steps are stamped with (default: the system's). */
  readonly now?: () => Date;
}

export interface BatchOptions extends BatchStores {
  readonly period: Period;
  /** The folder the register files are written to. */
  readonly outDir: string;
}

export interface AppliedReport {
  /** The requests moved to APPLIED, with the files whose finished imports applied them. */
  readonly applied: readonly { readonly id: string; readonly files: readonly string[] }[];
  /** Batch files whose import finished with rejected rows: their requests stay VERIFIED, for the next batch to carry again. */
  readonly rejected: readonly { readonly file: string; readonly rows: number }[];
}

export interface BatchFileReport {
  readonly register: string;
  readonly file: string;
  readonly checksum: string;
  readonly families: number;
  readonly rows: number;
  readonly requests: number;
}

export interface BatchReport extends AppliedReport {
  /** Null when no verified request changes a register. */
  readonly batchId: string | null;
  /** False when the same files were recorded before (or there are none). */
  readonly recorded: boolean;
  readonly files: readonly BatchFileReport[];
  readonly leftOut: readonly { readonly id: string; readonly kind: ChangeKind; readonly reason: string }[];
  readonly forProgrammeOwner: readonly { readonly id: string; readonly kind: ChangeKind; readonly program: string | null }[];
}

const BATCH_ACTOR = { subject: 'batch', organisation: 'DTSEN' };
const IMPORT_ACTOR = { subject: 'import', organisation: 'DTSEN' };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function withStores<Result>(stores: BatchStores, work: (repository: BatchRepository, readers: readonly RegisterReader[]) => Promise<Result>): Promise<Result> {
  const changes = await openStore(stores.changesUrl, CHANGES_STORE);
  const readers: RegisterReader[] = [];
  try {
    for (const register of BATCH_REGISTERS) {
      const url = stores.registerUrls[register];
      if (url === undefined) throw new Error(`No store given for the ${register} register`);
      readers.push(await openRegisterReader(register, url));
    }
    return await work(createBatchRepository(changes), readers);
  } finally {
    for (const reader of readers) await reader.close();
    await closeStore(changes);
  }
}

/**
 * Moves to APPLIED every VERIFIED request a batch carries once the import of each of its files
 * (the registers it changes) is finished in that register's ledger, matched by the file's SHA-256.
 */
async function applyFinished(repository: BatchRepository, readers: readonly RegisterReader[], now: () => Date): Promise<AppliedReport> {
  const open = await repository.openFiles();
  if (open.length === 0) return { applied: [], rejected: [] };
  const finished = new Map<string, Map<string, string>>();
  const rejected: { file: string; rows: number }[] = [];
  for (const reader of readers) {
    const entries = (await reader.ledger()).filter((entry) => entry.status === 'finished');
    // The ledger counts rejected rows, not which families they were: a file with any is not taken as applied.
    finished.set(reader.name, new Map(entries.filter((entry) => entry.rowsRejected === 0).map((entry) => [entry.checksum, entry.finishedAt ?? ''])));
    for (const entry of entries) {
      const file = open.find((each) => each.register === reader.name && each.checksum === entry.checksum);
      if (file && entry.rowsRejected > 0 && !rejected.some((each) => each.file === file.fileName)) rejected.push({ file: file.fileName, rows: entry.rowsRejected });
    }
  }
  const byBatch = new Map<string, typeof open>();
  for (const file of open) byBatch.set(file.batchId, [...(byBatch.get(file.batchId) ?? []), file]);
  const done = new Map<string, { readonly files: string[]; readonly imports: string[] }>();
  for (const files of byBatch.values()) {
    for (const id of new Set(files.flatMap((file) => file.requestIds))) {
      if (done.has(id)) continue;
      const carrying = files.filter((file) => file.requestIds.includes(id));
      if (carrying.every((file) => finished.get(file.register)?.has(file.checksum))) {
        done.set(id, {
          files: carrying.map((file) => file.fileName),
          imports: carrying.map((file) => `the ${file.register} import of ${file.fileName}, finished ${finished.get(file.register)?.get(file.checksum)}`),
        });
      }
    }
  }
  const applied: { id: string; files: string[] }[] = [];
  for (const request of await repository.requests([...done.keys()])) {
    const { files, imports } = done.get(request.id) ?? { files: [], imports: [] };
    if (await repository.apply({ request, actor: IMPORT_ACTOR, at: now().toISOString(), reason: `Applied by ${imports.join('; ')}`, operation: 'applyChange' })) {
      applied.push({ id: request.id, files });
    }
  }
  return { applied, rejected };
}

/** `npm run changes -- applied`: the requests of finished batch files move to APPLIED. */
export async function markApplied(stores: BatchStores): Promise<AppliedReport> {
  return withStores(stores, (repository, readers) => applyFinished(repository, readers, stores.now ?? (() => new Date())));
}

/**
 * `npm run changes -- batch --period`: first the requests of finished batch files move to APPLIED;
 * then the period's VERIFIED requests are applied to the registers' current records and written,
 * per register they change, as a CSV file in its import format; the batch is recorded unless the
 * same files were. A request that no longer applies keeps the reason in its history.
 */
export async function runBatch(options: BatchOptions): Promise<BatchReport> {
  const now = options.now ?? (() => new Date());
  return withStores(options, async (repository, readers) => {
    const { applied, rejected } = await applyFinished(repository, readers, now);
    const verified = await repository.verified(options.period);
    const noKKs = [...new Set(verified.map((entry) => entry.record.noKK))].sort();
    const views: Record<string, RegisterView> = {};
    for (const reader of readers) {
      const records = await reader.familiesByNoKK(noKKs);
      const stored = new Map(noKKs.flatMap((noKK, index) => (records[index] ? [[noKK, cellsOf(reader.format, records[index])] as const] : [])));
      views[reader.name] = { format: reader.format, stored };
    }
    const composition = composeBatch(verified, views, { today: now() });

    const latest = await repository.latestReasons(composition.leftOut.map((entry) => entry.request.id));
    for (const { request, reason } of composition.leftOut) {
      const kept = `Left out of the ${options.period} batch: ${reason}`;
      if (latest.get(request.id) !== kept) await repository.leaveOut({ request, actor: BATCH_ACTOR, at: now().toISOString(), reason: kept, operation: 'leaveOutChange' });
    }

    const contents = composition.files.map((file) => {
      const format = views[file.register]?.format;
      if (!format) throw new Error(`No format for ${file.register}`);
      const rows = file.families.flatMap((family) => rowsOfCells(format, family));
      const text = stringify([headerOf(format), ...rows]);
      return { ...file, rows: rows.length, text, checksum: sha256(text) };
    });
    const batchId = contents.length === 0 ? null : sha256([options.period, ...contents.map((file) => `${file.register}:${file.checksum}`)].join('\n')).slice(0, 16);
    const files: BatchFileReport[] = [];
    if (batchId !== null) mkdirSync(options.outDir, { recursive: true });
    for (const file of contents) {
      const name = path.join(options.outDir, `changes-${options.period}-${batchId}-${file.register}.csv`);
      writeFileSync(name, file.text);
      const checksum = await fileChecksum(name);
      if (checksum !== file.checksum) throw new Error(`${name} changed while it was written`);
      files.push({ register: file.register, file: name, checksum, families: file.families.length, rows: file.rows, requests: file.requestIds.length });
    }
    let recorded = false;
    if (batchId !== null && !(await repository.batchExists(batchId))) {
      try {
        await repository.recordBatch(
          { id: batchId, period: options.period, createdAt: now().toISOString() },
          contents.map((file, index) => ({ batchId, register: file.register, fileName: path.basename(files[index]?.file ?? ''), checksum: file.checksum, families: file.families.length })),
          contents.flatMap((file) => file.requestIds.map((requestId) => ({ batchId, requestId, register: file.register }))),
        );
        recorded = true;
      } catch (error) {
        // Another run of the same batch recorded it meanwhile (its id is its content): nothing new.
        if (!(await repository.batchExists(batchId))) throw error;
      }
    }
    return {
      applied,
      rejected,
      batchId,
      recorded,
      files,
      leftOut: composition.leftOut.map(({ request, reason }) => ({ id: request.id, kind: request.kind, reason })),
      forProgrammeOwner: composition.forProgrammeOwner.map((request) => ({ id: request.id, kind: request.kind, program: request.program })),
    };
  });
}
