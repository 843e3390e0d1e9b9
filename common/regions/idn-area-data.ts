// Kemendagri's region codes and names from idn-area-data. The package is ESM with an asynchronous
// API, so its CSV files are read directly: that works alike under tsx, jest and the compiled build.
// Provinces, regencies and districts (7,829 rows) are read on first use; villages (83,763) one
// province at a time when a village of it is first asked for, so a Jakarta-only process reads 267.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { titleCase } from './presentation';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export interface RegionRow {
  /** Dotted, as Kemendagri writes it: `31.71.01.1001`. */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
}

interface Table {
  /** By plain code (`3171011001`). */
  readonly byCode: Map<string, RegionRow>;
  /** By the plain code of the region one level up; `''` holds the provinces. */
  readonly children: Map<string, RegionRow[]>;
}

const UPPER_LEVELS: readonly (readonly [string, RegionLevel])[] = [
  ['provinces.csv', 'province'],
  ['regencies.csv', 'regency'],
  ['districts.csv', 'district'],
];
const PARENT_DIGITS: Readonly<Record<RegionLevel, number>> = { province: 0, regency: 2, district: 4, village: 6 };

// A few village names carry a bare double quote (`Soka"an`); relax_quotes reads it as a character.
const CSV_OPTIONS = { relax_quotes: true, skip_empty_lines: true } as const;

function dataFile(name: string): string {
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data', name);
}

function add(table: Table, level: RegionLevel, record: readonly string[]): void {
  const code = record[0]?.trim() ?? '';
  const rawName = record[record.length - 1]?.trim() ?? '';
  const plain = code.replaceAll('.', '');
  const row: RegionRow = { code, name: level === 'province' || level === 'regency' ? titleCase(rawName) : rawName, level };
  table.byCode.set(plain, row);
  const parent = plain.slice(0, PARENT_DIGITS[level]);
  const siblings = table.children.get(parent);
  if (siblings) siblings.push(row);
  else table.children.set(parent, [row]);
}

let table: Table | null = null;
const provincesRead = new Set<string>();

/** Provinces, regencies and districts; read on the first call. */
export function areaTable(): Table {
  if (table) return table;
  const read: Table = { byCode: new Map(), children: new Map() };
  for (const [file, level] of UPPER_LEVELS) {
    for (const record of parse(readFileSync(dataFile(file), 'utf8'), { ...CSV_OPTIONS, from_line: 2 }) as string[][]) add(read, level, record);
  }
  table = read;
  return read;
}

/**
 * Adds the villages of a province (2 digits) to the table, once. villages.csv is sorted by code,
 * so a province's villages are one run of lines: only those are parsed.
 */
export function readVillagesOf(province: string): void {
  const read = areaTable();
  if (provincesRead.has(province)) return;
  provincesRead.add(province);
  if (!read.byCode.has(province)) return;
  // Searched as bytes: decoding the whole 2.7 MB file for each province would cost more than parsing.
  const file = readFileSync(dataFile('villages.csv'));
  const prefix = `\n${province}.`;
  const first = file.indexOf(prefix);
  if (first === -1) return;
  const end = file.indexOf('\n', file.lastIndexOf(prefix) + 1);
  for (const record of parse(file.subarray(first + 1, end === -1 ? file.length : end), CSV_OPTIONS) as string[][]) {
    if (!record[0]?.startsWith(`${province}.`)) throw new Error(`idn-area-data: villages.csv is not sorted by code (${record[0]} among province ${province})`);
    add(read, 'village', record);
  }
}
