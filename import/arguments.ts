import { parseArgs } from 'node:util';
import { parseArgsMessage, type ParsedCommandLine } from '../common/cli';
import { STORED_SUBGRAPHS } from '../subgraphs/registry';
import { DEFAULT_SEED_REGION, MAX_FAMILIES } from '../seed/generator';
import { region } from '../seed/arguments';
import { DEFAULT_IMPORT_BATCH } from './import-file';

export interface ImportArguments {
  /** A stored subgraph of subgraphs/registry.ts. */
  readonly register: string;
  readonly file: string;
  readonly rejectsFile: string | null;
  readonly batchSize: number;
}

export interface ExportArguments {
  readonly families: number;
  readonly seed: number;
  readonly dir: string;
  /** Plain province or regency code, as the seeder's --region. */
  readonly region: string;
}

export type Parsed<Arguments> = ParsedCommandLine<Arguments>;

export const IMPORT_USAGE = `Usage: npm run import -- --source ${STORED_SUBGRAPHS.map((subgraph) => subgraph.name).join('|')} FILE.csv [--rejects FILE] [--batch N]

Imports a register's CSV export (columns: docs/import.md) into that register's store. Bad rows go to
the reject file (default FILE.csv.rejects.csv) with their line number and reason; good families
replace the stored ones (the previous record is kept in family_history). --batch sets the families
per transaction (default ${DEFAULT_IMPORT_BATCH}). A file already imported is skipped; an interrupted
import (Ctrl-C, crash) resumes after its last committed batch when run again on the same file.

Stores: <SOURCE>_DATABASE_URL, else MYSQL_URL, else SQLite files in DATA_DIR (default data).`;

export const EXPORT_USAGE = `Usage: npm run export-csv -- --out DIR [--families N] [--seed S] [--region CODE]

Writes the families the seeder generates (default 5000, seed 1, DKI Jakarta) as the import CSV
files DIR/<subgraph>.csv, one per stored subgraph (${STORED_SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')}).
--region as for the seeder (53: Nusa Tenggara Timur, whose desa pay BLT Dana Desa).
EVALUATION_DATE=YYYY-MM-DD as for the seeder.`;

function integer(value: string, name: string, low: number, high: number): number | string {
  if (!/^-?\d+$/.test(value)) return `--${name} must be an integer, got "${value}"`;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < low || number > high) return `--${name} must be from ${low} to ${high}, got ${value}`;
  return number;
}


/** Reads the import command line; never exits, so that it can be tested. */
export function parseImportArguments(argv: readonly string[]): Parsed<ImportArguments> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        source: { type: 'string' },
        rejects: { type: 'string' },
        batch: { type: 'string', default: String(DEFAULT_IMPORT_BATCH) },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return { kind: 'error', message: parseArgsMessage(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const names = STORED_SUBGRAPHS.map((subgraph) => subgraph.name);
  if (!names.includes(values.source ?? '')) return { kind: 'error', message: `--source must be one of ${names.join(', ')}, got "${values.source ?? ''}"` };
  if (positionals.length !== 1 || positionals[0] === '') return { kind: 'error', message: 'Give exactly one CSV file to import' };
  const batchSize = integer(values.batch, 'batch', 1, 100_000);
  if (typeof batchSize === 'string') return { kind: 'error', message: batchSize };
  if (values.rejects === '') return { kind: 'error', message: '--rejects needs a file name' };
  return {
    kind: 'run',
    arguments: { register: values.source as string, file: positionals[0] as string, rejectsFile: values.rejects ?? null, batchSize },
  };
}

/** Reads the export command line; never exits, so that it can be tested. */
export function parseExportArguments(argv: readonly string[]): Parsed<ExportArguments> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        families: { type: 'string', default: '5000' },
        seed: { type: 'string', default: '1' },
        region: { type: 'string', default: DEFAULT_SEED_REGION },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: parseArgsMessage(error) };
  }
  if (values.help) return { kind: 'help' };
  if (!values.out) return { kind: 'error', message: '--out needs a folder' };
  const families = integer(values.families, 'families', 1, MAX_FAMILIES);
  const seed = integer(values.seed, 'seed', 0, Number.MAX_SAFE_INTEGER);
  const place = region(values.region);
  const problem = [families, seed, 'problem' in place ? place.problem : null].find((value): value is string => typeof value === 'string');
  if (problem !== undefined || 'problem' in place) return { kind: 'error', message: problem ?? '' };
  return { kind: 'run', arguments: { families: families as number, seed: seed as number, dir: values.out, region: place.code } };
}
