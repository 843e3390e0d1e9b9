import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerOf, rowsOf } from '../common/import/format';
import { generateBatch } from '../seed/generator';
import { seedBatchOf } from '../seed/seed-batch';
import { STORED_SUBGRAPHS } from '../subgraphs/registry';

export interface ExportOptions {
  readonly families: number;
  readonly seed: number;
  readonly evaluationDate: Date;
  /** Writes `<name>.csv` for each stored subgraph here. */
  readonly dir: string;
  /** Plain province or regency code the families live in (default DKI Jakarta, as the seeder). */
  readonly region?: string;
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
export async function exportGeneratedCsv(options: ExportOptions): Promise<Record<string, ExportCount>> {
  mkdirSync(options.dir, { recursive: true });
  const batchSize = options.batchSize ?? DEFAULT_EXPORT_BATCH;
  const outputs = await Promise.all(
    STORED_SUBGRAPHS.map(async (subgraph) => ({
      subgraph,
      format: (await subgraph.load()).importFormat,
      stream: createWriteStream(path.join(options.dir, `${subgraph.name}.csv`)),
      count: { file: path.join(options.dir, `${subgraph.name}.csv`), families: 0, rows: 0 },
    })),
  );
  try {
    for (const output of outputs) await write(output.stream, stringify([headerOf(output.format)]));
    for (let start = 0; start < options.families; start += batchSize) {
      const count = Math.min(batchSize, options.families - start);
      const batch = seedBatchOf(generateBatch({ seed: options.seed, start, count, evaluationDate: options.evaluationDate, runFamilies: options.families, ...(options.region ? { region: options.region } : {}) }));
      for (const output of outputs) {
        const families = output.subgraph.seedRows(batch);
        const rows = families.flatMap((family: unknown) => rowsOf(output.format, family));
        await write(output.stream, stringify(rows));
        output.count.families += families.length;
        output.count.rows += rows.length;
      }
      options.onProgress?.(start + count, options.families);
    }
  } finally {
    await Promise.all(
      outputs.map(async ({ stream }) => {
        stream.end();
        await once(stream, 'close');
      }),
    );
  }
  return Object.fromEntries(outputs.map((output) => [output.subgraph.name, output.count]));
}
