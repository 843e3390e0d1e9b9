// What keeping periods costs on a large index, on synthetic families written the way a run writes
// them (IndexRepository.saveHouseholds, then finishRun, which keeps the period):
//   npx tsx bench/periods.ts [FAMILIES] [INDEX_URL] [CHANGED_PERCENT]
// e.g. npx tsx bench/periods.ts 100000 sqlite:/tmp/periods-bench/index.sqlite 3
// Keeps period 2026-10 over FAMILIES families, then 2026-11 after CHANGED_PERCENT of them had their
// desil moved (eligibility following it), 0.5 % left and as many new ones came; reports each
// period's rows and bytes, how long keeping it took, and the reads the API makes of periods:
// `history` for a page of 50 families and `eligibilityChanges` pages (p50 and p95 of 100 reads).
// The store must be empty (a fresh file or database).
import { randomInt } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { runCommand } from '../common/cli';
import { PROGRAMMES, TARGETED_PROGRAMMES } from '../common/programmes';
import { regionsWithin } from '../common/regions';
import { closeStore } from '../common/store/open-store';
import type { ResolvedHousehold } from '../resolution/household';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { createIndexRepository, type IndexRepository } from '../resolution/repository';
import { openIndexStore } from '../resolution/store';

const PAGE = 100;
const HISTORY_PAGE = 50;
const READS = 100;
/** Families per saveHouseholds: a run's page. */
const WRITE_BATCH = 100;
const PERIOD_TABLES = ['period_household', 'period_region_summary', 'period_region_issue_count', 'resolution_period'];

interface Family {
  readonly noKK: string;
  readonly region: string;
  desil: number;
  readonly receiving: ReadonlySet<string>;
}

const MAX_DESIL: Readonly<Record<string, number>> = { PKH: 4, BPNT: 4, PBI_JK: 5, PIP: 4, BLT_DD: 1 };

function household(family: Family): ResolvedHousehold {
  const eligible = (program: string) => family.desil <= (MAX_DESIL[program] ?? 0);
  return {
    noKK: family.noKK,
    sources: ['REGSOSEK', 'DTKS'],
    persons: 4,
    region: { code: family.region },
    desil: { value: family.desil, source: 'REGSOSEK', conflict: false },
    eligibility: PROGRAMMES.map((program) => ({ program, eligible: eligible(program), estimatedAnnualBenefit: eligible(program) ? 2_400_000 : 0, ruleSet: '2025' })),
    targeting: TARGETED_PROGRAMMES.map((program) => {
      const receiving = family.receiving.has(program);
      const status = receiving ? (eligible(program) ? 'ON_TARGET' : 'INCLUSION_ERROR') : eligible(program) ? 'EXCLUSION_ERROR' : 'NOT_TARGETED';
      return { program, status };
    }),
    dataQuality: [],
  };
}

function newFamily(i: number, villages: readonly string[]): Family {
  const desil = 1 + randomInt(10);
  const receiving = new Set(TARGETED_PROGRAMMES.filter((program) => randomInt(100) < (desil <= (MAX_DESIL[program] ?? 0) ? 70 : 8)));
  return { noKK: `31${String(i).padStart(14, '0')}`, region: villages[randomInt(villages.length)] ?? '3171011001', desil, receiving };
}

/** One run of a period: every family written in pages, as a run does, then the run finished (the period kept). */
async function keepPeriod(index: IndexRepository, period: string, families: readonly Family[]): Promise<{ kept: number; written: number; cpuPerFamilyMs: number }> {
  const run = await index.startRun({ ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: new Date().toISOString(), cursors: '{}', period });
  const writing = performance.now();
  const cpu = process.cpuUsage();
  for (let start = 0; start < families.length; start += WRITE_BATCH) {
    await index.saveHouseholds(families.slice(start, start + WRITE_BATCH).map(household), run.id, new Date().toISOString());
  }
  const spent = process.cpuUsage(cpu);
  const written = (performance.now() - writing) / 1000;
  const started = performance.now();
  await index.finishRun(run.id, new Date().toISOString());
  return { kept: (performance.now() - started) / 1000, written, cpuPerFamilyMs: (spent.user + spent.system) / 1000 / families.length };
}

/** Rows and bytes (data and indexes) of the period tables. */
async function periodStorage(dataSource: DataSource): Promise<{ rows: number; familyRows: number; bytes: number }> {
  let rows = 0;
  for (const table of PERIOD_TABLES) rows += Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n ?? 0);
  const familyRows = Number((await dataSource.query('SELECT COUNT(*) AS n FROM period_household'))[0]?.n ?? 0);
  if (dataSource.options.type === 'better-sqlite3') {
    const pages = (await dataSource.query(
      `SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN (${PERIOD_TABLES.map((table) => `'${table}'`).join(', ')}) OR name LIKE 'idx_period_household%' OR name LIKE 'sqlite_autoindex_period%' OR name LIKE 'sqlite_autoindex_resolution_period%'`,
    )) as { bytes: number }[];
    return { rows, familyRows, bytes: Number(pages[0]?.bytes ?? 0) };
  }
  for (const table of PERIOD_TABLES) await dataSource.query(`ANALYZE TABLE ${table}`);
  const sizes = (await dataSource.query(
    `SELECT SUM(data_length + index_length) AS bytes FROM information_schema.TABLES WHERE table_schema = DATABASE() AND table_name IN (${PERIOD_TABLES.map((table) => `'${table}'`).join(', ')})`,
  )) as { bytes: number }[];
  return { rows, familyRows, bytes: Number(sizes[0]?.bytes ?? 0) };
}

async function timed(read: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < READS; i += 1) {
    const started = performance.now();
    await read();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => (times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(1);
  return `${at(50)} | ${at(95)}`;
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

async function main(): Promise<number> {
  const count = Number(process.argv[2] ?? 100_000);
  const url = process.argv[3] ?? 'sqlite:/tmp/dtsen-periods-bench/index.sqlite';
  const changedPercent = Number(process.argv[4] ?? 3);
  if (url.startsWith('sqlite:')) mkdirSync(path.dirname(url.slice('sqlite:'.length)), { recursive: true });
  const dataSource = await openIndexStore(url);
  try {
    const index = createIndexRepository(dataSource);
    if ((await index.countHouseholds()) > 0) throw new Error('The index store is not empty: give a fresh file or database');
    const villages = regionsWithin('31', 'village').map((region) => region.code.replace(/\./g, ''));
    let families = Array.from({ length: count }, (_, i) => newFamily(i, villages));

    const keptA = await keepPeriod(index, '2026-10', families);
    const a = await periodStorage(dataSource);

    const changed = Math.round((count * changedPercent) / 100);
    for (let i = 0; i < changed; i += 1) {
      const family = families[randomInt(families.length)] as Family;
      family.desil = family.desil <= 5 ? 6 + randomInt(5) : 1 + randomInt(5);
    }
    const moving = Math.round(count * 0.005);
    const leaving = new Set(Array.from({ length: moving }, () => randomInt(families.length)));
    families = families.filter((_, i) => !leaving.has(i)).concat(Array.from({ length: moving }, (_, k) => newFamily(count + k, villages)));
    const keptB = await keepPeriod(index, '2026-11', families);
    const b = await periodStorage(dataSource);

    const reads = createIndexQueryRepository(dataSource);
    const query = { program: 'PKH' as const, from: '2026-10', to: '2026-11' };
    const firstPage = await reads.eligibilityChanges(query, null, PAGE, null);
    const middle = firstPage.changes.at(-1) ?? null;
    const jakartaPusat = ['3171'];
    const sample = () => Array.from({ length: HISTORY_PAGE }, () => (families[randomInt(families.length)] as Family).noKK);
    const totalChanges = await reads.countEligibilityChanges(query, null);

    process.stdout.write(`${count.toLocaleString('en')} families; period 2026-11: ${changedPercent} % of them with desil moved, ${moving} left, ${moving} new\n\n`);
    process.stdout.write('| period | family rows added | all rows added (with region counts) | MB added | keeping it at the end of the run, s | writing the run\'s pages of 100: s, this process\'s CPU ms per family |\n| --- | ---: | ---: | ---: | ---: | ---: |\n');
    process.stdout.write(`| 2026-10 (first) | ${a.familyRows.toLocaleString('en')} | ${a.rows.toLocaleString('en')} | ${mb(a.bytes)} | ${keptA.kept.toFixed(1)} | ${keptA.written.toFixed(1)}, ${keptA.cpuPerFamilyMs.toFixed(3)} |\n`);
    process.stdout.write(`| 2026-11 | ${(b.familyRows - a.familyRows).toLocaleString('en')} | ${(b.rows - a.rows).toLocaleString('en')} | ${mb(b.bytes - a.bytes)} | ${keptB.kept.toFixed(1)} | ${keptB.written.toFixed(1)}, ${keptB.cpuPerFamilyMs.toFixed(3)} |\n\n`);
    process.stdout.write(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n\n`);
    process.stdout.write(`PKH changes between the two: ${totalChanges.toLocaleString('en')}\n\n| read | p50 ms | p95 ms |\n| --- | ---: | ---: |\n`);
    process.stdout.write(`| history of ${HISTORY_PAGE} families (periods + one IN query) | ${await timed(async () => Promise.all([reads.keptPeriods(), reads.periodRows(sample())]))} |\n`);
    process.stdout.write(`| eligibilityChanges PKH, first page of ${PAGE} | ${await timed(() => reads.eligibilityChanges(query, null, PAGE, null))} |\n`);
    process.stdout.write(`| eligibilityChanges PKH, page of ${PAGE} after a cursor | ${await timed(() => reads.eligibilityChanges(query, null, PAGE, middle))} |\n`);
    process.stdout.write(`| eligibilityChanges PKH, first page, caseworker of 31.71 | ${await timed(() => reads.eligibilityChanges(query, jakartaPusat, PAGE, null))} |\n`);
    process.stdout.write(`| eligibilityChanges PKH, totalCount | ${await timed(() => reads.countEligibilityChanges(query, null))} |\n`);
    if (url.startsWith('sqlite:')) process.stdout.write(`\nindex file: ${mb(statSync(url.slice('sqlite:'.length)).size)} MB\n`);
    return 0;
  } finally {
    await closeStore(dataSource);
  }
}

runCommand('periods benchmark', main);
