import { REGISTERS } from '../common/store-url';
import type { LoadRequest } from './load';
import type { BenchKeys } from './scenarios';

/** Requests per case: the counts are exact, so a few suffice to see families and pages with and without each register's families. */
const REQUESTS_PER_CASE = 20;
const PAGE_SIZES = [10, 50] as const;
/** The stores, in the order they are reported: the registers', then the gateway's resolution index. */
export const COUNTED_STORES = [...REGISTERS, 'index'] as const;
export type CountedStore = (typeof COUNTED_STORES)[number];

/** Statements of one store per request, over the requests of a case. */
export interface StatementSpread {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export interface SqlCountRow {
  readonly scenario: string;
  /** Households per page for scenario (b); null for (a). */
  readonly pageSize: number | null;
  readonly requests: number;
  readonly perRequest: Readonly<Record<CountedStore, StatementSpread>>;
}

export interface SqlCountOptions {
  /** GET /metrics of the three registers and the gateway. */
  readonly metricsUrls: readonly string[];
  readonly gatewayUrl: string;
  readonly keys: BenchKeys;
  /** Scenario (a)'s request for one KK. */
  readonly household: (variables: { noKK: string }) => LoadRequest;
  /** Scenario (b)'s request for a page. */
  readonly page: (variables: { first: number; after: string | null }) => LoadRequest;
}

const SAMPLE = /^dtsen_sql_statements_total\{store="([a-z0-9]+)"\} (\d+)$/gm;

/** `dtsen_sql_statements_total` by store, summed over the processes. */
async function statementTotals(metricsUrls: readonly string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const url of metricsUrls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    for (const [, store, value] of (await response.text()).matchAll(SAMPLE)) {
      totals.set(store as string, (totals.get(store as string) ?? 0) + Number(value));
    }
  }
  return totals;
}

async function send(url: string, { body, headers }: LoadRequest): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
  // An error answer may have skipped reads: its statements would not be the scenario's.
  if (!response.ok || answer.errors || !answer.data) throw new Error(`SQL count: the gateway answered ${response.status} ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
}

/** The i-th of REQUESTS_PER_CASE values spread evenly over `values`: neighbours in the index are alike (same region, often the same registers). */
const spreadOver = <T>(values: readonly T[], i: number): T => values[Math.floor((i * values.length) / REQUESTS_PER_CASE)] as T;

function spread(counts: readonly number[]): StatementSpread {
  return { min: Math.min(...counts), max: Math.max(...counts), mean: counts.reduce((sum, count) => sum + count, 0) / counts.length };
}

/**
 * SQL statements per request of scenarios (a) and (b) (pages of 10 and of 50 over the same
 * cursors), from the stores' own counters around each of a few sequential requests. Run it while
 * nothing else calls the system: every statement in between is counted.
 */
export async function countSqlPerRequest(options: SqlCountOptions): Promise<SqlCountRow[]> {
  const { keys } = options;
  const cases = [
    { scenario: '(a) household by KK', pageSize: null, request: (i: number) => options.household({ noKK: spreadOver(keys.noKKs, i) }) },
    ...PAGE_SIZES.map((first) => ({ scenario: '(b) page of households', pageSize: first, request: (i: number) => options.page({ first, after: spreadOver(keys.pageCursors, i) }) })),
  ];
  const rows: SqlCountRow[] = [];
  for (const { scenario, pageSize, request } of cases) {
    const counts = new Map<CountedStore, number[]>(COUNTED_STORES.map((store) => [store, []]));
    let before = await statementTotals(options.metricsUrls);
    for (let i = 0; i < REQUESTS_PER_CASE; i += 1) {
      await send(options.gatewayUrl, request(i));
      const after = await statementTotals(options.metricsUrls);
      for (const store of COUNTED_STORES) counts.get(store)?.push((after.get(store) ?? 0) - (before.get(store) ?? 0));
      before = after;
    }
    const perRequest = Object.fromEntries(COUNTED_STORES.map((store) => [store, spread(counts.get(store) ?? [])])) as SqlCountRow['perRequest'];
    rows.push({ scenario, pageSize, requests: REQUESTS_PER_CASE, perRequest });
  }
  return rows;
}
