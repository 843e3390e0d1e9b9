import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import { createImportRepository, type ImportRepository } from '../../common/store/import-repository';
import type { Register } from '../../common/store-url';
import { generateBatch, type GeneratedBatch } from '../../seed/generator';
import { createDtksRepository, dtksStoreLayout } from '../../subgraphs/dtks/repository';
import { createKemendesRepository, kemendesStoreLayout } from '../../subgraphs/kemendes/repository';
import { createP3keRepository, p3keStoreLayout } from '../../subgraphs/p3ke/repository';
import { bpjsStoreLayout, createBpjsRepository } from '../../subgraphs/bpjs/repository';
import { createRegsosekRepository, regsosekStoreLayout } from '../../subgraphs/regsosek/repository';
import { openStoreOf } from '../support/subgraph-stores';

/** The generated data's evaluation date, and the day imported dates are checked against. */
export const EVALUATION_DATE = new Date('2026-01-15T00:00:00Z');
export const SEED = 18;

export function generated(families: number): GeneratedBatch {
  return generateBatch({ seed: SEED, start: 0, count: families, evaluationDate: EVALUATION_DATE, runFamilies: families });
}

export interface AnyFamily {
  readonly noKK: string;
  readonly members: readonly { readonly nik: string }[];
}

/** The generated families of a register an import must store: all but those with an injected invalid NIK. */
export function expectedStored(batch: GeneratedBatch, register: Register): AnyFamily[] {
  const invalid = new Set(batch.truth.flatMap((line) => line.defects.filter((defect) => defect.code === 'INVALID_NIK').map((defect) => defect.nik)));
  return (batch[register] as AnyFamily[]).filter((family) => !family.members.some((member) => invalid.has(member.nik)));
}

export const byNoKK = <Family extends { readonly noKK: string }>(families: readonly Family[]): Family[] =>
  [...families].sort((a, b) => (a.noKK < b.noKK ? -1 : a.noKK > b.noKK ? 1 : 0));

const OPEN = { dtks: openStoreOf('dtks'), regsosek: openStoreOf('regsosek'), p3ke: openStoreOf('p3ke'), kemendes: openStoreOf('kemendes'), bpjs: openStoreOf('bpjs') } as const;

function familyReader(register: Register, dataSource: DataSource) {
  switch (register) {
    case 'dtks':
      return createDtksRepository(dataSource);
    case 'regsosek':
      return createRegsosekRepository(dataSource);
    case 'p3ke':
      return createP3keRepository(dataSource);
    case 'kemendes':
      return createKemendesRepository(dataSource);
    case 'bpjs':
      return createBpjsRepository(dataSource);
  }
}

const LAYOUTS = { dtks: dtksStoreLayout, regsosek: regsosekStoreLayout, p3ke: p3keStoreLayout, kemendes: kemendesStoreLayout, bpjs: bpjsStoreLayout } as const;

export interface StoreContents {
  /** Every stored family, by No. KK. */
  readonly families: AnyFamily[];
  readonly imports: ImportRepository<unknown>;
}

/** Opens a register's store, reads it with `read`, and closes it. */
export async function readStore<Result>(register: Register, url: string, read: (contents: StoreContents) => Promise<Result>): Promise<Result> {
  const dataSource = await OPEN[register](url);
  try {
    const repository = familyReader(register, dataSource);
    const page = await repository.listFamilies(null, 1_000_000, null, null);
    const families = (await repository.familiesByNoKK(page.families.map((family) => family.noKK))) as AnyFamily[];
    const imports = createImportRepository(dataSource, LAYOUTS[register] as never) as ImportRepository<unknown>;
    return await read({ families: byNoKK(families), imports });
  } finally {
    await closeStore(dataSource);
  }
}

/** A temporary folder, removed by the returned function. */
export function temporaryDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dtsen-import-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The reject file as [line, reason, original] rows, without its header. */
export function readRejects(file: string): string[][] {
  const rows = parse(readFileSync(file)) as string[][];
  return rows.slice(1);
}

export function writeText(file: string, lines: readonly string[]): string {
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
