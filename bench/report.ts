import type { GatewayName } from './gateways';
import type { LoadResult } from './load';
import type { PairedResult, PlanShape } from './plan-floor';
import type { MeasuredResolution, StoreKind } from './stores';
import type { SqlCountRow } from './sql-count';
import { sqlStatementsSection } from './sql-report';

/** What one run cost, per answered request, read from /proc and the subgraphs' counters around it. */
export interface RunCost {
  /** User + system CPU of every process the bench started (gateways, dtsen service, registers), ms. */
  readonly cpuMs: number;
  /** Of which the gateway's own process (and its workers), ms. */
  readonly gatewayCpuMs: number;
  /** GraphQL requests the subgraphs answered (the dtsen service's and its own register calls among them). */
  readonly subgraphCalls: number;
}

export interface Row {
  readonly scenario: string;
  /** The gateway the scenario went through; null: straight to a register (a floor row). */
  readonly gateway: GatewayName | null;
  readonly connections: number;
  readonly result: LoadResult;
  /** Null when not measured (the direct floors). */
  readonly cost?: RunCost | null;
}

/** A gateway's scenario (a), alternated with its subgraph calls made directly. */
export interface PairedRow {
  readonly gateway: GatewayName;
  readonly connections: number;
  readonly result: PairedResult;
}

export interface BenchRun {
  readonly command: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly memoryGb: number; readonly node: string; readonly platform: string };
  readonly store: StoreKind;
  readonly families: number;
  readonly persons: number;
  /** Null when an earlier run seeded the stores (--keep-data). */
  readonly seedSeconds: number | null;
  /** Null when an earlier run filled the index, or this one only finished an interrupted run. */
  readonly resolution: MeasuredResolution | null;
  readonly durationSeconds: number;
  readonly rows: readonly Row[];
  readonly paired: readonly PairedRow[];
  readonly sqlPerRequest: readonly SqlCountRow[];
  /** Scenario (a)'s subgraph calls as our gateway made them, in waves; null when (a) did not run. */
  readonly plan: PlanShape | null;
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
/** Whether an added p50 meets issue 6's target of under 2 ms. */
const underTwoMs = (added: number) => (Number.isNaN(added) ? '-' : added < 2 ? 'yes' : 'no');
const mb = (value: number | null | undefined) => (value === null || value === undefined ? '-' : value.toFixed(0));
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-');

const STORE_LOCATIONS: Readonly<Record<StoreKind, string>> = {
  sqlite: 'SQLite stores in a temporary folder',
  mariadb: 'MariaDB stores, one `bench_` database per store',
};

function resolutionLine(families: number, resolution: MeasuredResolution | null): string {
  if (resolution === null) return throughput(families, null);
  const resolved = resolution.families.toLocaleString('en');
  const time = `${resolution.seconds.toFixed(1)} s, ${Math.round(resolution.families / resolution.seconds).toLocaleString('en')} families/s`;
  const stopped = resolution.finished ? '' : ', stopped there by --resolve-seconds';
  if (resolution.resumed) return `the rest of an interrupted run: ${resolved} more families in ${time}${stopped}`;
  if (resolution.finished) return throughput(families, resolution.seconds);
  return `${resolved} of the ${families.toLocaleString('en')} families in ${time}${stopped}: the index holds only those`;
}

/** How long a step took and its families per second, or that an earlier run did it. */
function throughput(families: number, seconds: number | null): string {
  if (seconds === null) return 'not measured in this run (the data of an earlier run, --keep-data)';
  return `${seconds.toFixed(1)} s, ${Math.round(families / seconds).toLocaleString('en')} families/s`;
}

/** Our gateways, each compared with Hive Gateway. */
const OURS: readonly GatewayName[] = ['ours', 'ours-dtsen-http', 'ours-2-workers'];

/** The row of scenario (a)'s own subgraph calls replayed without a gateway (bench/plan-floor.ts). */
export const PLAN_FLOOR = "floor: (a)'s subgraph calls, direct";

/**
 * What each gateway adds to scenario (a) at p50, per client count: over the same subgraph calls
 * made directly, wave after wave (the floor the issue's target is set against), and, for scale,
 * over the slowest single register read.
 */
function gatewayOverhead(rows: readonly Row[]): string[] {
  const lines: string[] = [];
  for (const connections of [...new Set(rows.map((row) => row.connections))]) {
    const plan = rows.find((row) => row.scenario === PLAN_FLOOR && row.connections === connections);
    const reads = rows.filter((row) => row.gateway === null && row.scenario !== PLAN_FLOOR && row.connections === connections);
    if (!plan && reads.length === 0) continue;
    const read = reads.length === 0 ? Number.NaN : Math.max(...reads.map((row) => row.result.p50));
    const floor = plan?.result.p50 ?? Number.NaN;
    for (const household of rows.filter((row) => row.gateway !== null && row.scenario.startsWith('(a)') && row.connections === connections)) {
      const added = household.result.p50 - floor;
      lines.push(`| ${connections} | ${household.gateway} | ${ms(household.result.p50)} | ${ms(floor)} | ${ms(added)} | ${underTwoMs(added)} | ${ms(read)} |`);
    }
  }
  return lines;
}

function pairedOverhead(paired: readonly PairedRow[]): string[] {
  if (paired.length === 0) return [];
  return [
    'The same, measured in pairs: each client alternately asks the gateway for a household and makes',
    "that household's recorded subgraph calls itself, swapping the order every pair, for the same",
    'duration per gateway and client count. Both halves of a pair run moments apart, so the rest of',
    'the machine slows both alike; the runs above are seconds apart and can differ by several ms on a',
    'shared machine. "Added" is the difference of the two p50s; the median of each pair\'s',
    'difference is beside it.',
    '',
    "| Clients | Gateway | Pairs | (a) p50 | Its subgraph calls, direct, p50 | Added | Median of the pairs' differences | Under 2 ms |",
    '|---:|---|---:|---:|---:|---:|---:|---|',
    ...paired.map(({ gateway, connections, result }) => {
      const added = result.gatewayP50 - result.floorP50;
      return `| ${connections} | ${gateway} | ${result.pairs} | ${ms(result.gatewayP50)} | ${ms(result.floorP50)} | ${ms(added)} | ${ms(result.medianPairDifference)} | ${underTwoMs(added)} |`;
    }),
    '',
  ];
}

const answered = (row: Row) => row.result.requestsPerSecond > 0 && !Number.isNaN(row.result.p99);

/**
 * For every gateway scenario and client count, each of our gateways against Hive Gateway: requests/s
 * ours ÷ Hive (at least 1 meets the target) and p99 ours ÷ Hive (at most 1 meets it). A cell in
 * which either gateway answered nothing within the run has no ratio and is not compared.
 */
function hiveRatios(rows: readonly Row[]): { lines: string[]; met: number; compared: number; unanswered: number } {
  const lines: string[] = [];
  let met = 0;
  let compared = 0;
  let unanswered = 0;
  for (const hive of rows.filter((row) => row.gateway === 'hive')) {
    for (const ours of rows.filter((row) => row.gateway !== null && OURS.includes(row.gateway) && row.scenario === hive.scenario && row.connections === hive.connections)) {
      if (!answered(ours) || !answered(hive)) {
        unanswered += 1;
        lines.push(`| ${hive.scenario} | ${hive.connections} | ${ours.gateway} | - | - | not compared: no answer within the run |`);
        continue;
      }
      const throughput = ours.result.requestsPerSecond / hive.result.requestsPerSecond;
      const p99 = ours.result.p99 / hive.result.p99;
      const meets = throughput >= 1 && p99 <= 1;
      compared += 1;
      if (meets) met += 1;
      lines.push(`| ${hive.scenario} | ${hive.connections} | ${ours.gateway} | ${ratio(throughput)} | ${ratio(p99)} | ${meets ? 'yes' : 'no'} |`);
    }
  }
  return { lines, met, compared, unanswered };
}

function ratiosSection(rows: readonly Row[]): string[] {
  const { lines, met, compared, unanswered } = hiveRatios(rows);
  if (lines.length === 0) return ['## Ratios against Hive Gateway', '', 'Not measured in this run: `--gateways` did not name both `hive` and one of ours.', ''];
  return [
    '## Ratios against Hive Gateway',
    '',
    "Target (issue 6): this gateway at least matches Hive Gateway's throughput and p99 on every",
    'scenario. Each row divides one of our gateways by Hive Gateway at the same scenario and client',
    'count: requests/s ours ÷ Hive (the target: at least 1.00) and p99 ours ÷ Hive (the target: at',
    'most 1.00). `ours-dtsen-http` has the same topology as Hive Gateway (the dtsen subgraph over',
    'HTTP), so it compares the gateways alone; `ours` is the default deployment.',
    '',
    `Target met in ${met} of ${compared} comparisons${unanswered > 0 ? ` (${unanswered} not compared: a gateway answered nothing within the run; run longer)` : ''}.`,
    '',
    '| Scenario | Clients | Gateway | Requests/s ours ÷ Hive | p99 ours ÷ Hive | Target met |',
    '|---|---:|---|---:|---:|---|',
    ...lines,
    '',
  ];
}

/** The waves of scenario (a) as our gateway made them (recorded with the dtsen subgraph as a service); other rows have none recorded. */
function wavesOf(plan: PlanShape | null, scenario: string, gateway: GatewayName | null): string {
  if (plan === null || gateway === null || !OURS.includes(gateway) || !scenario.startsWith('(a)')) return '-';
  return plan.waves.min === plan.waves.max ? `${plan.waves.min} (${plan.commonWaves})` : `${plan.waves.min}-${plan.waves.max} (mostly ${plan.commonWaves})`;
}

function costColumns(plan: PlanShape | null): string[] {
  return [
    "CPU per request: the user + system CPU of every process the bench started (the gateways, the dtsen service and",
    "the registers; not the load generator), from `/proc/<pid>/stat` before and after the run, divided by the answers.",
    "The gateway's own share is beside it. Subgraph calls per request: the GraphQL requests the registers and the dtsen",
    "service answered during the run (their `dtsen_graphql_requests_total`) divided by the answers, whatever gateway",
    "planned them; the dtsen subgraph in our gateway's process (`ours`) is no HTTP call and is not counted. With the",
    "dtsen service: the peak of the gateway's and the dtsen service's RSS together, for the gateways that call it",
    "(`ours` holds the dtsen subgraph in its own process, so its RSS alone compares with that). Waves:",
    plan === null
      ? 'not recorded in this run (scenario (a) did not run).'
      : `scenario (a)'s calls as our gateway makes them with the dtsen subgraph as a service, recorded for ${plan.households} households: ${ms(plan.calls.mean)} calls per household (${plan.calls.min}-${plan.calls.max}), in waves of the sizes given.`,
    '',
  ];
}

/** Issue 18's per-household targets (at most 4 subgraph calls in 2 waves, 4 ms of CPU across the processes, RSS at most Hive's), each met or not. */
function householdTargets(run: BenchRun): string[] {
  const households = run.rows.filter((row) => row.gateway !== null && row.scenario.startsWith('(a)') && row.cost);
  const peak = (name: GatewayName, of: (result: Row['result']) => number | null | undefined) =>
    Math.max(...run.rows.filter((row) => row.gateway === name).map((row) => of(row.result) ?? Number.NEGATIVE_INFINITY));
  const rss = (name: GatewayName) => peak(name, (result) => result.peakRssMb);
  const hiveRss = rss('hive');
  const hiveWithDtsen = peak('hive', (result) => result.peakRssWithCompanionMb);
  const lines = ['## Issue 18: what a household costs', ''];
  if (run.plan) {
    const met = run.plan.calls.max <= 4 && run.plan.waves.max <= 2;
    lines.push(`- Scenario (a)'s subgraph calls: ${ms(run.plan.calls.mean)} per household in ${run.plan.waves.max === run.plan.waves.min ? run.plan.waves.max : `${run.plan.waves.min}-${run.plan.waves.max}`} waves (target: at most 4 in at most 2): ${met ? 'met' : 'not met'}.`);
  }
  for (const name of OURS) {
    const ours = rss(name);
    if (!Number.isFinite(ours) || !Number.isFinite(hiveRss)) continue;
    const withDtsen = Number.isFinite(hiveWithDtsen) ? `, ${hiveWithDtsen.toFixed(0)} MB with the dtsen service it calls` : '';
    lines.push(`- Peak RSS of \`${name}\` over the run: ${ours.toFixed(0)} MB against Hive Gateway's ${hiveRss.toFixed(0)} MB${withDtsen} (target: at most Hive's): ${ours <= hiveRss ? 'met' : 'not met'}.`);
  }
  if (households.length > 0) {
    lines.push(
      '',
      '| Clients | Gateway | CPU per household, all processes (ms) | Target: at most 4 ms |',
      '|---:|---|---:|---|',
      ...households.map(({ connections, gateway, cost }) => `| ${connections} | ${gateway} | ${ms(cost?.cpuMs ?? Number.NaN)} | ${(cost?.cpuMs ?? Number.POSITIVE_INFINITY) <= 4 ? 'met' : 'not met'} |`),
    );
  }
  lines.push('');
  return lines;
}

/** docs/benchmarks.md: the machine, the command, the table and what is not measured yet. */
export function benchmarkReport(run: BenchRun): string {
  const { machine } = run;
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); run it again to replace the numbers. Every process is',
    'started by the bench, each its own Node process (`NODE_ENV=production`): the three register',
    'subgraphs, the dtsen subgraph as its own service (`subgraphs/main.ts dtsen`), and the gateways,',
    'side by side on the same subgraphs and supergraph:',
    '',
    '- `ours`: this gateway as deployed by default, the dtsen subgraph in its process;',
    '- `ours-dtsen-http`: this gateway calling the dtsen service over HTTP (`DTSEN_URL`), the topology',
    '  Hive Gateway has;',
    '- `ours-2-workers`: this gateway as `ours`, in two cluster workers (`GATEWAY_WORKERS=2`; its RSS',
    '  is not reported, as it is spread over the processes);',
    '- `hive`: [Hive Gateway](https://the-guild.dev/graphql/hive/docs/gateway) (`@graphql-hive/gateway-runtime`,',
    "  bench/hive) over the committed supergraph, calling the same dtsen service. It does this gateway's",
    '  security work with our code: the same bearer-token verification and rate limit, the same',
    '  graphql-armor and cost limits, and every subgraph request signed with the principal (HMAC over the exact',
    '  body), which the subgraphs require.',
    '',
    "Autocannon loads them from the bench's own process; at each client count the gateways take turns",
    "at a scenario (for (a), the replay of its subgraph calls right after them). Before its runs every",
    'scenario is checked: one request through every gateway must answer without errors and with the',
    'same data; then each gateway gets 2 s of it at one client, not recorded, so that no first turn',
    'pays for warming up. Each run rotates over many keys (2,000 KKs and NIKs, about 40 pages, every',
    'city), so no answer is one cached key.',
    '',
    `- Stores: ${STORE_LOCATIONS[run.store]}`,
    `- Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb.toFixed(1)} GB memory, ${machine.platform}, Node ${machine.node}`,
    `- Command: \`${run.command}\``,
    `- Data: ${run.families.toLocaleString('en')} families, ${run.persons.toLocaleString('en')} persons (seed 1)`,
    `- Seeding: ${throughput(run.families, run.seedSeconds)}`,
    `- Resolution (filling the index through the gateway): ${resolutionLine(run.families, run.resolution)}`,
    `- Each cell: ${run.durationSeconds} s of load at that many concurrent connections; requests/s counts 2xx answers; latencies in ms; RSS: the gateway process's peak VmRSS during the run (for \`ours-dtsen-http\` and \`hive\` without the dtsen service's).`,
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
    '| Scenario | Gateway | Clients | Requests/s | p50 | p95 | p99 | Non-2xx / errors | CPU per request, all processes (ms) | of which the gateway (ms) | Subgraph calls per request | Waves | Gateway RSS (MB) | With the dtsen service (MB) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...run.rows.map(
      ({ scenario, gateway, connections, result, cost }) =>
        `| ${scenario} | ${gateway ?? 'direct'} | ${connections} | ${result.requestsPerSecond.toFixed(1)} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${result.non2xx} / ${result.errors} | ${cost ? ms(cost.cpuMs) : '-'} | ${cost ? ms(cost.gatewayCpuMs) : '-'} | ${cost ? ms(cost.subgraphCalls) : '-'} | ${wavesOf(run.plan, scenario, gateway)} | ${result.peakRssMb === null ? '-' : result.peakRssMb.toFixed(0)} | ${mb(result.peakRssWithCompanionMb)} |`,
    ),
    '',
    ...costColumns(run.plan),
    ...householdTargets(run),
    ...ratiosSection(run.rows),
    '## What the gateway adds to scenario (a)',
    '',
    'p50 of (a) through each gateway against the same subgraph calls made directly: the calls our',
    'gateway makes for (a) with the dtsen subgraph as a service, recorded for 200 households and',
    'replayed straight to the subgraphs, each wave of parallel calls after the one before it (signed',
    'afresh, no gateway). The target (issue 6) is under 2 ms added. The last column is the slowest',
    'single register read, for scale. A gateway does more than forward: it authenticates the',
    'token, plans the query, looks the family up in the resolution index (the registers when the',
    'index lacks it), fetches the three records, computes desil, eligibility and targeting',
    '(`@requires` reads of the unmasked records), then reads the members\' records in every register',
    'for their names and ages. Where that time goes, and what was changed: [performance.md](performance.md).',
    '',
    '| Clients | Gateway | (a) p50 | (a)\'s subgraph calls, direct, p50 | Added | Under 2 ms | Slowest single register read p50 |',
    '|---:|---|---:|---:|---:|---|---:|',
    ...gatewayOverhead(run.rows),
    '',
    ...pairedOverhead(run.paired),
    ...sqlStatementsSection(run.sqlPerRequest),
    '## Not in this report',
    '',
    '- Other sizes and stores: 1,000,000 families on MariaDB (look-ups against 10,000 families,',
    '  seeding and resolution throughput) are in [scaling.md](scaling.md), from',
    '  `npm run bench -- --store mariadb --families 1000000 --keep-data`.',
    '- Load generator and servers on separate machines: here autocannon, the gateways and the',
    '  subgraphs share the same cores, so at 10 and 50 clients every number includes that contention.',
    '',
  ].join('\n');
}
