import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { REGISTERS, type Register } from '../common/store-url';
import { generateBatch } from '../seed/generator';
import { FORMATS, headerOf, rowsOf } from './formats';

export interface ExportOptions {
  readonly families: number;
  readonly seed: number;
  readonly evaluationDate: Date;
  /** Writes `<register>.csv` for each register here. */
  readonly dir: string;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ExportCount {
  readonly file: string;
  readonly families: number;
  readonly rows: number;
}

const DEFAULT_EXPORT_BATCH = 5_000;

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * Writes the families the seeder would generate (same seed, same evaluation date) as the
 * registers' import CSV files, batch by batch.
 */
export async function exportGeneratedCsv(options: ExportOptions): Promise<Record<Register, ExportCount>> {
  mkdirSync(options.dir, { recursive: true });
  const batchSize = options.batchSize ?? DEFAULT_EXPORT_BATCH;
  const streams = Object.fromEntries(REGISTERS.map((register) => [register, createWriteStream(path.join(options.dir, `${register}.csv`))])) as Record<
    Register,
    WriteStream
  >;
  const counts = Object.fromEntries(REGISTERS.map((register) => [register, { file: streams[register].path as string, families: 0, rows: 0 }])) as Record<
    Register,
    { file: string; families: number; rows: number }
  >;
  try {
    for (const register of REGISTERS) await write(streams[register], stringify([headerOf(FORMATS[register])]));
    for (let start = 0; start < options.families; start += batchSize) {
      const count = Math.min(batchSize, options.families - start);
      const batch = generateBatch({ seed: options.seed, start, count, evaluationDate: options.evaluationDate, runFamilies: options.families });
      for (const register of REGISTERS) {
        const rows = batch[register].flatMap((family: unknown) => rowsOf(FORMATS[register], family));
        await write(streams[register], stringify(rows));
        counts[register].families += batch[register].length;
        counts[register].rows += rows.length;
      }
      options.onProgress?.(start + count, options.families);
    }
  } finally {
    await Promise.all(
      REGISTERS.map(async (register) => {
        streams[register].end();
        await once(streams[register], 'close');
      }),
    );
  }
  return counts;
}
