import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import { fileChecksum } from './checksum';
import { checkFamily, checkRow, columnIndex, type SourceRow } from './family-check';
import { headerOf, type AnyImportFormat } from '../common/import/format';
import { importFormatOf, openImportStore } from './register-store';
import { RejectFile, type Reject } from './reject-file';

/** Families per transaction: 1,000 keeps a batch's SQL and memory small and commits often enough to resume cheaply. */
export const DEFAULT_IMPORT_BATCH = 1_000;
/** A record longer than this stops the import: it is almost always an unclosed quote swallowing the file. */
export const MAX_RECORD_BYTES = 1 << 20;

export interface ImportOptions {
  /** The stored subgraph imported into (subgraphs/registry.ts), e.g. `dtks`. */
  readonly register: string;
  readonly file: string;
  /** Store URL: `sqlite:<path>` or `mysql://…/db`. */
  readonly storeUrl: string;
  /** Default: the file's name with `.rejects.csv` appended. */
  readonly rejectsFile?: string;
  readonly batchSize?: number;
  /** Dates (births, receipts) may not be after this day; default now. */
  readonly today?: Date;
  /** Stop after this many committed batches, as a crash would (tests of resuming). */
  readonly maxBatches?: number;
  /** When aborted, the import stops after the batch being written; running it again resumes. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytes: number, totalBytes: number) => void;
  /** The clock of ledger and history timestamps. */
  readonly now?: () => Date;
}

export type ImportStatus = 'finished' | 'already-imported' | 'interrupted';

export interface ImportReport {
  readonly status: ImportStatus;
  readonly importId: number;
  readonly checksum: string;
  /** The line an interrupted import was resumed after; null on a fresh start. */
  readonly resumedAfterLine: number | null;
  readonly rowsIn: number;
  readonly rowsStored: number;
  readonly rowsRejected: number;
  /** Families inserted or replaced (unchanged ones are not rewritten). */
  readonly familiesWritten: number;
  readonly rejectsFile: string;
  readonly seconds: number;
}

/** The whole file is refused (nothing of it is stored past what was committed before the fault). */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

function checkHeader(register: string, format: AnyImportFormat, header: readonly string[]): void {
  const expected = headerOf(format);
  if (header.some((name) => name.includes('\uFFFD'))) throw new ImportRefused('The header line is not valid UTF-8; the file must be UTF-8');
  const missing = expected.filter((name) => !header.includes(name));
  const unexpected = header.filter((name) => !expected.includes(name));
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (missing.length === 0 && unexpected.length === 0 && repeated.length === 0) return;
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : null,
    unexpected.length > 0 ? `unexpected ${unexpected.join(', ')}` : null,
    repeated.length > 0 ? `repeated ${repeated.join(', ')}` : null,
  ].filter((part) => part !== null);
  throw new ImportRefused(`The header does not match the ${register} format (${parts.join('; ')}); expected: ${expected.join(',')}`);
}

/** The file's first record, checked against the register's columns before anything is recorded. */
async function readHeader(register: string, format: AnyImportFormat, file: string): Promise<string[]> {
  const input = createReadStream(file);
  try {
    for await (const record of input.pipe(parse({ bom: true, to: 1, relax_column_count: true, max_record_size: MAX_RECORD_BYTES })) as AsyncIterable<string[]>) {
      checkHeader(register, format, record);
      return record;
    }
  } catch (error) {
    throw isCsvError(error) ? csvProblem(error, 0) : error;
  } finally {
    input.destroy();
  }
  throw new ImportRefused('The file is empty: it needs a header line');
}

interface Parsed {
  readonly record: string[];
  readonly raw: string;
  readonly info: { readonly lines: number };
}

function sourceRow(parsed: Parsed): SourceRow {
  const original = parsed.raw.replace(/\r?\n$/, '');
  const breaks = original.match(/\n/g)?.length ?? 0;
  return { line: parsed.info.lines - breaks, endLine: parsed.info.lines, cells: parsed.record, original };
}

const isCsvError = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code ?? '').startsWith('CSV_');

/** `lastRowEnd`: where the last well-formed row ended; the broken one starts after it. */
function csvProblem(error: unknown, lastRowEnd: number): ImportRefused {
  const { code, message } = error as { code?: string; message?: string };
  const where = `the row starting at line ${lastRowEnd + 1}`;
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new ImportRefused(`The record in ${where} is longer than ${MAX_RECORD_BYTES} bytes (an unclosed quote?); the import stopped there`);
  }
  return new ImportRefused(`The file is not valid CSV in ${where}: ${message}; the import stopped there`);
}

/**
 * Imports one register's CSV file into its store: rows are checked, families are written whole in
 * batched transactions (replacing a stored family keeps its previous record in the history), bad
 * rows go to the reject file, and the ledger records each batch so that the same file is never
 * imported twice and an interrupted import resumes after its last committed batch.
 */
export async function importFile(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const format = await importFormatOf(options.register);
  const rejectsFile = options.rejectsFile ?? `${options.file}.rejects.csv`;
  const totalBytes = (await stat(options.file)).size;
  const checksum = await fileChecksum(options.file);
  const context = { today: options.today ?? now() };
  const columns = columnIndex(format, await readHeader(options.register, format, options.file));

  const store = await openImportStore(options.register, options.storeUrl);
  try {
    const { repository } = store;
    const known = await repository.findImport(options.register, checksum);
    if (known?.status === 'finished') {
      return {
        status: 'already-imported',
        importId: known.id,
        checksum,
        resumedAfterLine: null,
        rowsIn: known.rowsIn,
        rowsStored: known.rowsStored,
        rowsRejected: known.rowsRejected,
        familiesWritten: known.familiesWritten,
        rejectsFile,
        seconds: (performance.now() - started) / 1000,
      };
    }
    const entry =
      known ?? (await repository.startImport({ register: options.register, fileName: path.basename(options.file), checksum, startedAt: now().toISOString() }));
    const resumeAfter = known ? known.lastLine : null;
    const rejects = await RejectFile.open(rejectsFile, entry.rejectsBytes);

    const counts = { rowsIn: entry.rowsIn, rowsStored: entry.rowsStored, rowsRejected: entry.rowsRejected, familiesWritten: entry.familiesWritten };
    let lastLine = entry.lastLine;
    let batchesCommitted = 0;
    let stopped = false;
    /** First line of every family seen, to refuse a family whose rows are not consecutive. */
    const familyStarts = new Map<string, number>();
    let pending: { families: unknown[]; rejects: Reject[]; rowsIn: number; rowsStored: number; groups: number; lastLine: number } = {
      families: [],
      rejects: [],
      rowsIn: 0,
      rowsStored: 0,
      groups: 0,
      lastLine,
    };
    let group: { noKK: string; rows: ReturnType<typeof checkRow>[] } | null = null;

    const closeGroup = (): void => {
      if (!group) return;
      const first = group.rows[0]!.row.line;
      const splitFrom = familyStarts.get(group.noKK) ?? null;
      if (splitFrom === null) familyStarts.set(group.noKK, first);
      const outcome = checkFamily(format, group.noKK, group.rows, splitFrom);
      if (outcome.kind === 'stored') {
        pending.families.push(outcome.family);
        pending.rowsStored += outcome.rows;
      } else {
        pending.rejects.push(...outcome.rejects);
      }
      pending.rowsIn += group.rows.length;
      pending.groups += 1;
      pending.lastLine = group.rows[group.rows.length - 1]!.row.endLine;
      group = null;
    };

    const commit = async (): Promise<void> => {
      if (pending.groups === 0) return;
      await rejects.write(pending.rejects);
      const progress = {
        rowsIn: counts.rowsIn + pending.rowsIn,
        rowsStored: counts.rowsStored + pending.rowsStored,
        rowsRejected: counts.rowsRejected + pending.rejects.length,
        lastLine: pending.lastLine,
        rejectsBytes: rejects.bytes,
      };
      const written = await repository.commitBatch(entry.id, pending.families, progress, now().toISOString());
      Object.assign(counts, { rowsIn: progress.rowsIn, rowsStored: progress.rowsStored, rowsRejected: progress.rowsRejected });
      counts.familiesWritten += written;
      lastLine = progress.lastLine;
      pending = { families: [], rejects: [], rowsIn: 0, rowsStored: 0, groups: 0, lastLine };
      batchesCommitted += 1;
    };

    const input = createReadStream(options.file);
    // The parser runs ahead of the batches being written; a syntax error names the row after the
    // last one it parsed, not the last one written.
    let lastRowEnd = 1;
    const parser = input.pipe(
      parse({
        bom: true,
        raw: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_BYTES,
        on_record: (record, context) => {
          lastRowEnd = context.lines;
          return record;
        },
      }),
    );
    let headerSeen = false;
    try {
      for await (const parsed of parser as AsyncIterable<Parsed>) {
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        const row = sourceRow(parsed);
        const noKK = row.cells[columns.noKK] ?? '';
        if (resumeAfter !== null && row.endLine <= resumeAfter) {
          if (!familyStarts.has(noKK)) familyStarts.set(noKK, row.line);
          continue;
        }
        if (group && group.noKK !== noKK) {
          closeGroup();
          if (pending.groups >= batchSize) {
            await commit();
            options.onProgress?.(input.bytesRead, totalBytes);
            stopped = batchesCommitted === options.maxBatches || options.signal?.aborted === true;
            if (stopped) break;
          }
        }
        group ??= { noKK, rows: [] };
        group.rows.push(checkRow(columns, row, context));
      }
      if (!stopped) {
        closeGroup();
        await commit();
        await repository.finishImport(entry.id, now().toISOString());
        options.onProgress?.(totalBytes, totalBytes);
      }
    } catch (error) {
      throw isCsvError(error) ? csvProblem(error, lastRowEnd) : error;
    } finally {
      input.destroy();
      await rejects.close();
    }
    if (counts.rowsIn !== counts.rowsStored + counts.rowsRejected) {
      throw new Error(`Import ${entry.id} miscounted: ${counts.rowsIn} rows in, ${counts.rowsStored} stored, ${counts.rowsRejected} rejected`);
    }
    const status: ImportStatus = stopped ? 'interrupted' : 'finished';
    return { status, importId: entry.id, checksum, resumedAfterLine: resumeAfter, ...counts, rejectsFile, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}
