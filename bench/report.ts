import type { LoadResult } from './load';
import type { SqlCountRow } from './sql-count';
import { sqlStatementsSection } from './sql-report';

export interface Row {
  readonly scenario: string;
  readonly connections: number;
  readonly result: LoadResult;
}

export interface BenchRun {
  readonly command: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly memoryGb: number; readonly node: string; readonly platform: string };
  readonly families: number;
  readonly persons: number;
  readonly seedSeconds: number;
  readonly resolveSeconds: number;
  readonly durationSeconds: number;
  readonly rows: readonly Row[];
  readonly sqlPerRequest: readonly SqlCountRow[];
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));

/** The added latency of the gateway over the slowest direct register read, per client count, at p50. */
function gatewayOverhead(rows: readonly Row[]): string[] {
  const lines: string[] = [];
  for (const connections of [...new Set(rows.map((row) => row.connections))]) {
    const household = rows.find((row) => row.scenario.startsWith('(a)') && row.connections === connections);
    const floors = rows.filter((row) => row.scenario.startsWith('floor') && row.connections === connections);
    if (!household || floors.length === 0) continue;
    const floor = Math.max(...floors.map((row) => row.result.p50));
    lines.push(`| ${connections} | ${ms(household.result.p50)} | ${ms(floor)} | ${ms(household.result.p50 - floor)} |`);
  }
  return lines;
}

/** docs/benchmarks.md: the machine, the command, the table and what is not measured yet. */
export function benchmarkReport(run: BenchRun): string {
  const { machine } = run;
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); run it again to replace the numbers. Every process is',
    'started by the bench: the three register subgraphs and the gateway (each its own Node process,',
    'SQLite stores in a temporary folder, `NODE_ENV=production`), and autocannon loads them from the',
    "bench's own process. Each run rotates over many keys (2,000 KKs and NIKs, about 40 pages, every city),",
    'so no answer is one cached key.',
    '',
    `- Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb.toFixed(1)} GB memory, ${machine.platform}, Node ${machine.node}`,
    `- Command: \`${run.command}\``,
    `- Data: ${run.families.toLocaleString('en')} families, ${run.persons.toLocaleString('en')} persons (seed 1), seeded in ${run.seedSeconds.toFixed(1)} s; index filled by the resolution run in ${run.resolveSeconds.toFixed(1)} s (${(run.families / run.resolveSeconds).toFixed(0)} families/s)`,
    `- Each cell: ${run.durationSeconds} s of load at that many concurrent connections; requests/s counts 2xx answers; latencies in ms; RSS: the gateway's peak VmRSS during the run.`,
    "- Errors: autocannon's (a request unanswered within its 10 s timeout, or a dropped connection); the gateway logs a subgraph call that ran past SUBGRAPH_TIMEOUT_MS (5 s) as a failed register read.",
    '',
    '## Scenarios',
    '',
    '- (a) `household(noKK)` with the three registers, members, desil, eligibility and targeting',
    '- (b) `households(first: 50, after)` from the index, the same fields for every node',
    '- (c) `person(nik)` with its households',
    '- (d) `statistics(regionPrefix: <city>, level: DISTRICT)`',
    "- floor: scenario (a)'s read of one register (`_entities` for the family with members), signed and sent straight to the register subgraph",
    '',
    '| Scenario | Clients | Requests/s | p50 | p95 | p99 | Non-2xx / errors | Gateway RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...run.rows.map(
      ({ scenario, connections, result }) =>
        `| ${scenario} | ${connections} | ${result.requestsPerSecond.toFixed(1)} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${result.non2xx} / ${result.errors} | ${result.peakRssMb === null ? '-' : result.peakRssMb.toFixed(0)} |`,
    ),
    '',
    '## What the gateway adds to scenario (a)',
    '',
    'p50 of (a) against the slowest of the three direct register reads. The gateway does more than',
    'forward: it authenticates the token, plans the query, asks the registers whether they hold the',
    'family (the dtsen directory), fetches the three records, and computes desil, eligibility and',
    'targeting (`@requires` reads of the unmasked records).',
    '',
    '| Clients | (a) p50 | Slowest direct register p50 | Added |',
    '|---:|---:|---:|---:|',
    ...gatewayOverhead(run.rows),
    '',
    ...sqlStatementsSection(run.sqlPerRequest),
    '## Not measured yet',
    '',
    '- Hive Gateway (`@graphql-hive/gateway`) side by side on the same subgraphs and supergraph, and the',
    '  ratios. The dtsen subgraph can now run as its own service for it (`gateway/dtsen/main.ts`,',
    '  `DTSEN_URL`), but Hive Gateway is not installed and the run is not wired into the bench.',
    '- 1,000,000 families on MariaDB (look-up latency within 1.5x of 10,000 families; seeding and',
    '  resolution throughput at that size).',
    '- The gateway on all cores (cluster mode): every number above is one gateway process.',
    '- Load generator and servers on separate machines: here autocannon, the gateway and the three',
    '  subgraphs share the same cores, so at 10 and 50 clients every number includes that contention.',
    '',
  ].join('\n');
}
