// How the index's listings perform in listing-key order (common/store/listing-key.ts), on a store
// of synthetic households with random listing keys:
//   tsx bench/listing-order.ts [FAMILIES] [INDEX_URL]
// e.g. tsx bench/listing-order.ts 200000 mysql://root@127.0.0.1:3306/dtsen_bench_listing
// Fills the store when it holds fewer households, then times a first page, a page after a cursor
// position, and a filtered page (p50 and p95 of 200 reads each), and prints MySQL's plan of each.
import { randomInt } from 'node:crypto';
import { runCommand } from '../common/cli';
import { regionsWithin } from '../common/regions';
import { insertRows } from '../common/store/bulk-insert';
import { newListingKey } from '../common/store/listing-key';
import { closeStore } from '../common/store/open-store';
import { INDEX_PROGRAMS, programSuffix, ResolvedHouseholdEntity, TARGETED_INDEX_PROGRAMS, type ResolvedHouseholdRow } from '../resolution/entities';
import { parseHouseholdFilter } from '../resolution/household-filter';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { openIndexStore } from '../resolution/store';

const PAGE = 50;
const READS = 200;
const BATCH = 5_000;

function syntheticRow(i: number, villages: readonly string[]): ResolvedHouseholdRow {
  const fields: Record<string, unknown> = {};
  for (const program of INDEX_PROGRAMS) {
    fields[`eligible${programSuffix(program)}`] = randomInt(2) === 1;
    fields[`benefit${programSuffix(program)}`] = 0;
  }
  for (const program of TARGETED_INDEX_PROGRAMS) fields[`targeting${programSuffix(program)}`] = 'NOT_TARGETED';
  return {
    noKK: `31${String(i).padStart(14, '0')}`,
    listingKey: newListingKey(),
    regionCode: villages[randomInt(villages.length)] ?? null,
    desil: 1 + randomInt(10),
    desilSource: 'REGSOSEK',
    desilConflict: false,
    inDtks: true,
    inRegsosek: true,
    inP3ke: false,
    inBpjs: false,
    persons: 3,
    ...fields,
    ruleSet: '2025',
    runId: 1,
    resolvedAt: '2026-12-07T00:00:00.000Z',
  } as ResolvedHouseholdRow;
}

function percentile(times: readonly number[], p: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2);
}

async function main(): Promise<number> {
  const families = Number(process.argv[2] ?? 200_000);
  const url = process.argv[3] ?? 'mysql://root@127.0.0.1:3306/dtsen_bench_listing';
  const dataSource = await openIndexStore(url);
  try {
    const villages = regionsWithin('31', 'village').map((region) => region.code.replace(/\./g, ''));
    const held = await dataSource.getRepository(ResolvedHouseholdEntity).count();
    const runner = dataSource.createQueryRunner();
    for (let start = held; start < families; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, families - start) }, (_, k) => syntheticRow(start + k, villages));
      await insertRows(runner, ResolvedHouseholdEntity, rows);
    }
    await runner.release();
    const index = createIndexQueryRepository(dataSource);
    const all = parseHouseholdFilter(null);
    const filtered = parseHouseholdFilter({ regionPrefix: '3172', desilMax: 4 });
    const middle = (await index.listHouseholds(all, null, PAGE, { listingKey: '8000000000000000', noKK: '' })).families[0] ?? null;
    const cases = [
      ['first page, no filter', () => index.listHouseholds(all, null, PAGE, null)],
      ['page after a cursor, no filter', () => index.listHouseholds(all, null, PAGE, middle)],
      ['page with regionPrefix 3172, desilMax 4', () => index.listHouseholds(filtered, null, PAGE, null)],
    ] as const;
    process.stdout.write(`${families} households, pages of ${PAGE}, ${READS} reads each\n| page | p50 ms | p95 ms |\n| --- | ---: | ---: |\n`);
    for (const [name, read] of cases) {
      const times: number[] = [];
      for (let i = 0; i < READS; i += 1) {
        const started = performance.now();
        await read();
        times.push(performance.now() - started);
      }
      process.stdout.write(`| ${name} | ${percentile(times, 50)} | ${percentile(times, 95)} |\n`);
    }
    if (dataSource.options.type !== 'better-sqlite3') {
      const key = middle?.listingKey ?? '';
      for (const [name, where] of [
        ['after a cursor', `WHERE (listing_key > '${key}' OR (listing_key = '${key}' AND no_kk > ''))`],
        ['filtered', `WHERE region_code LIKE '3172%' AND desil <= 4`],
      ] as const) {
        const plan = await dataSource.query(`EXPLAIN SELECT no_kk, listing_key FROM resolved_household ${where} ORDER BY listing_key, no_kk LIMIT ${PAGE + 1}`);
        process.stdout.write(`plan, ${name}: ${JSON.stringify(plan)}\n`);
      }
    }
    return 0;
  } finally {
    await closeStore(dataSource);
  }
}

runCommand('listing order benchmark', main);
