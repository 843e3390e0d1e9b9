// `npm run bench -- [--families 10000] [--duration 10] [--connections 1,10,50] [--gateways ours,ours-dtsen-http,hive]
//   [--port-base 4100] [--store sqlite|mariadb] [--mysql-url mysql://root@127.0.0.1:3306] [--keep-data] [--seed-only]
//   [--resolve-seconds N] [--scenarios a,b,c,d] [--cpu-prof DIR] [--out docs/benchmarks.md]`
// Seeds the stores (bench/stores.ts: a temporary folder, or bench_ databases, kept and reused with
// --keep-data), runs the three register subgraphs, the dtsen service and the gateways
// (bench/gateways.ts) as their own processes, fills the resolution index, then loads each scenario
// through every gateway with autocannon from this process and writes the tables to
// docs/benchmarks.md or --out (--no-write prints only). --cpu-prof writes a CPU profile of every
// process it started into DIR when they stop (`npx tsx bench/profile-summary.ts` sums one up).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scopesOf, type Principal } from '../common/auth/principal';
import { encodePrincipal, signRequest } from '../common/auth/signature';
import { derivedSigningKey } from '../common/auth/subgraph-keys';
import { REGISTERS, type Register } from '../common/store-url';
import { signLocalToken } from '../gateway/auth/local-token';
import { startService, stopAll, waitUntilReady, type RunningService } from '../scripts/start/processes';
import { checkAnswers } from './check';
import { parseGateways, startGateways, type BenchGateway, type GatewayPorts } from './gateways';
import { runLoad, type LoadRequest, type LoadResult } from './load';
import { planShape, recordPlanCalls, runPaired, runPlanFloor } from './plan-floor';
import { cpuByProcess, cpuSpent } from './process-cpu';
import { benchmarkReport, PLAN_FLOOR, type PairedRow, type Row, type RunCost } from './report';
import { DEFAULT_MYSQL_URL, openBenchStores, resolveOrReuse, seedOrReuse, STORE_KINDS, type StoreKind } from './stores';
import { countSqlPerRequest } from './sql-count';
import { subgraphRequestsSoFar } from './subgraph-requests';
import { CITY_STATISTICS, HOUSEHOLD_BY_KK, HOUSEHOLD_PAGE, parseScenarioLetters, PERSON_BY_NIK, registerFloorQuery, SCENARIO_LETTERS, type BenchKeys, type ScenarioLetter } from './scenarios';
import { benchProcessEnv, cpuProfileArgs } from './process-env';

const EVALUATION_DATE = '2026-01-15';
const READY_TIMEOUT_MS = 60_000;
const KEY_PAGES = 40;
/** Households whose subgraph calls are recorded for the plan floor. */
const PLAN_RECORDINGS = 200;
const WARM_UP_SECONDS = 2;
const ROOT = path.join(__dirname, '..');
/** Passed from the bench's environment to our gateways, to compare admission settings in one command. */
const ADMISSION_VARIABLES = ['MAX_CONCURRENT_REQUESTS', 'MAX_QUEUED_REQUESTS', 'MAX_CONCURRENT_PER_PRINCIPAL'] as const;

interface Scenario {
  readonly name: string;
  readonly next: () => LoadRequest;
}

interface FloorScenario extends Scenario {
  readonly url: string;
}

function rotating<T>(values: readonly T[]): () => T {
  let position = 0;
  return () => {
    const value = values[position % values.length] as T;
    position += 1;
    return value;
  };
}

async function gatewayQuery<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`The gateway answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** KKs, NIKs, page cursors and cities from the index, so every run rotates over many keys. */
async function collectKeys(url: string, token: string): Promise<BenchKeys> {
  const noKKs: string[] = [];
  const niks: string[] = [];
  const pageCursors: (string | null)[] = [null];
  let after: string | null = null;
  for (let page = 0; page < KEY_PAGES; page += 1) {
    type Page = { households: { nodes: { noKK: string; members: { nik: string }[] }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    const data: Page = await gatewayQuery<Page>(url, token, `query BenchKeys($after: String) { households(first: 50, after: $after) { nodes { noKK members { nik } } pageInfo { endCursor hasNextPage } } }`, { after });
    for (const node of data.households.nodes) {
      noKKs.push(node.noKK);
      const nik = node.members[0]?.nik;
      if (nik) niks.push(nik);
    }
    if (!data.households.pageInfo.hasNextPage || !data.households.pageInfo.endCursor) break;
    after = data.households.pageInfo.endCursor;
    pageCursors.push(after);
  }
  const { statistics } = await gatewayQuery<{ statistics: { regions: { code: string }[] } }>(url, token, '{ statistics(level: CITY) { regions { code } } }');
  return { noKKs, niks, pageCursors, cities: statistics.regions.map((region) => region.code) };
}

function gatewayRequest(token: string, query: string): (variables: Record<string, unknown>) => LoadRequest {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return (variables) => ({ body: JSON.stringify({ query, variables }), headers });
}

/** A register request signed the moment it is sent (signatures are valid 30 s), with the key derived for that register. */
function signedRegisterRequest(secret: string, principal: Principal, register: Register): (noKK: string) => LoadRequest {
  const encoded = encodePrincipal(principal);
  const query = registerFloorQuery(register);
  return (noKK) => {
    const body = JSON.stringify({ query, variables: { representations: [{ __typename: 'Household', noKK }] } });
    return { body, headers: { 'content-type': 'application/json', ...signRequest(derivedSigningKey(secret, register), encoded, body) } };
  };
}

function fmt(n: number): string {
  return n.toFixed(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      families: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '1,10,50' },
      gateways: { type: 'string', default: 'ours,ours-dtsen-http,ours-2-workers,hive' },
      'port-base': { type: 'string', default: '4100' },
      'no-write': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      'resolve-seconds': { type: 'string' },
      store: { type: 'string', default: 'sqlite' },
      'mysql-url': { type: 'string', default: DEFAULT_MYSQL_URL },
      'keep-data': { type: 'boolean', default: false },
      'seed-only': { type: 'boolean', default: false },
      scenarios: { type: 'string', default: SCENARIO_LETTERS.join(',') },
      'cpu-prof': { type: 'string' },
    },
  });
  const store = values.store as StoreKind;
  if (!STORE_KINDS.includes(store)) throw new Error(`--store takes ${STORE_KINDS.join(' or ')}, got "${values.store}"`);
  const families = Number(values.families);
  const duration = Number(values.duration);
  const connections = values.connections.split(',').map(Number);
  const portBase = Number(values['port-base']);
  const selected = parseGateways(values.gateways);
  if (![families, duration, portBase, ...connections].every((n) => Number.isSafeInteger(n) && n > 0) || duration >= 30) {
    throw new Error('--families, --duration (under 30 s: signatures last 30 s), --connections and --port-base take positive whole numbers');
  }
  const resolveSeconds = values['resolve-seconds'] === undefined ? null : Number(values['resolve-seconds']);
  if (resolveSeconds !== null && !(Number.isSafeInteger(resolveSeconds) && resolveSeconds > 0)) throw new Error('--resolve-seconds takes a positive whole number');
  const options = [
    store === 'sqlite' ? '' : ` --store ${store}`,
    resolveSeconds === null ? '' : ` --resolve-seconds ${resolveSeconds}`,
    values['keep-data'] ? ' --keep-data' : '',
  ];
  const letters = parseScenarioLetters(values.scenarios);
  if (letters.length < SCENARIO_LETTERS.length) options.push(` --scenarios ${letters.join(',')}`);
  // Our gateways' admission settings, when the caller sets them to compare (docs/performance.md); otherwise the defaults.
  const admission = Object.fromEntries(ADMISSION_VARIABLES.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
  const admissionPrefix = Object.entries(admission).map(([name, value]) => `${name}=${value} `).join('');
  const command = `${admissionPrefix}npm run bench -- --families ${families} --duration ${duration} --connections ${connections.join(',')} --gateways ${selected.join(',')}${options.join('')}`;
  const stores = openBenchStores({ kind: store, families, mysqlUrl: values['mysql-url'], keepData: values['keep-data'] });
  const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('hex'), PRINCIPAL_SIGNING_SECRET: randomBytes(32).toString('hex') };
  // The partners' registers take the ports after the gateways' (portBase + 8, + 9).
  const ports = { dtks: portBase + 1, regsosek: portBase + 2, p3ke: portBase + 3, kemendes: portBase + 8, bpjs: portBase + 9 };
  const gatewayPorts: GatewayPorts = { ours: portBase, dtsen: portBase + 4, oursDtsenHttp: portBase + 5, hive: portBase + 6, oursWorkers: portBase + 7 };
  const env: NodeJS.ProcessEnv = {
    ...benchProcessEnv(stores.env),
    EVALUATION_DATE,
    ...secrets,
    DTKS_PORT: String(ports.dtks),
    REGSOSEK_PORT: String(ports.regsosek),
    P3KE_PORT: String(ports.p3ke),
    KEMENDES_PORT: String(ports.kemendes),
    BPJS_PORT: String(ports.bpjs),
    DTSEN_PORT: String(gatewayPorts.dtsen),
    DTKS_URL: `http://127.0.0.1:${ports.dtks}/graphql`,
    REGSOSEK_URL: `http://127.0.0.1:${ports.regsosek}/graphql`,
    P3KE_URL: `http://127.0.0.1:${ports.p3ke}/graphql`,
    KEMENDES_URL: `http://127.0.0.1:${ports.kemendes}/graphql`,
    BPJS_URL: `http://127.0.0.1:${ports.bpjs}/graphql`,
    RATE_LIMIT_PER_MINUTE: '100000000',
    // The bench's clients share one token but stand for as many callers: no share of one caller may hold them back.
    MAX_CONCURRENT_PER_PRINCIPAL: '1000000',
    ...admission,
  };
  const nodeArgs = cpuProfileArgs(values['cpu-prof']);
  const services: RunningService[] = [];
  try {
    const seeded = await seedOrReuse(stores, families, new Date(`${EVALUATION_DATE}T00:00:00Z`));
    if (values['seed-only']) return;

    for (const register of REGISTERS) {
      services.push(startService({ name: register, entry: "subgraphs/main.ts", args: [register], url: `http://127.0.0.1:${ports[register]}` }, env, nodeArgs(register)));
    }
    await Promise.all(services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
    const { gateways, setupUrl: gatewayUrl, dtsenService } = await startGateways(selected, gatewayPorts, env, services, READY_TIMEOUT_MS, nodeArgs, letters.includes('a'));

    const roles = ['indexer', 'analyst'] as const;
    const token = await signLocalToken(secrets.AUTH_JWT_SECRET, { roles, subject: 'bench', organisation: 'Benchmark', purpose: 'benchmark', expiresIn: '2h' });
    const resolution = await resolveOrReuse(stores.index, gatewayUrl, token, resolveSeconds);

    const keys = await collectKeys(gatewayUrl, token);
    console.log(`rotating over ${keys.noKKs.length} KKs, ${keys.niks.length} NIKs, ${keys.pageCursors.length} pages, ${keys.cities.length} cities`);
    const principal: Principal = { subject: 'bench', organisation: 'Benchmark', roles, scopes: scopesOf(roles), regions: null, programmes: null, purpose: 'benchmark', operation: 'BenchFloor' };

    const household = gatewayRequest(token, HOUSEHOLD_BY_KK);
    const page = gatewayRequest(token, HOUSEHOLD_PAGE);
    const person = gatewayRequest(token, PERSON_BY_NIK);
    const statistics = gatewayRequest(token, CITY_STATISTICS);
    const kk = rotating(keys.noKKs);
    const nik = rotating(keys.niks);
    const cursor = rotating(keys.pageCursors);
    const city = rotating(keys.cities);

    // SQL statements per request, from the processes' /metrics, while nothing else loads them (bench/sql-count.ts).
    const sqlMetricsUrls = [...REGISTERS.map((register) => ports[register]), gatewayPorts.ours].map((port) => `http://127.0.0.1:${port}/metrics`);
    const sqlPerRequest = await countSqlPerRequest({ metricsUrls: sqlMetricsUrls, gatewayUrl, keys, household, page });

    const scenarios = ([
      { letter: 'a', name: '(a) household by KK', next: () => household({ noKK: kk() }) },
      { letter: 'b', name: '(b) page of 50 households', next: () => page({ after: cursor() }) },
      { letter: 'c', name: '(c) person by NIK', next: () => person({ nik: nik() }) },
      { letter: 'd', name: '(d) statistics of a city', next: () => statistics({ city: city() }) },
    ] satisfies (Scenario & { letter: ScenarioLetter })[]).filter((scenario) => letters.includes(scenario.letter));
    // The floors are scenario (a)'s subgraph calls made directly: measured with (a) only.
    const floors: FloorScenario[] = (letters.includes('a') ? REGISTERS : []).map((register) => {
      const signed = signedRegisterRequest(secrets.PRINCIPAL_SIGNING_SECRET, principal, register);
      return { name: `floor: (a) ${register} read, direct`, url: `http://127.0.0.1:${ports[register]}/graphql`, next: () => signed(kk()) };
    });

    // Every subgraph the gateways call over HTTP: the registers and, when it runs, the dtsen service.
    const subgraphMetricsUrls = [...REGISTERS.map((register) => ports[register]), ...(dtsenService ? [gatewayPorts.dtsen] : [])].map((port) => `http://127.0.0.1:${port}/metrics`);
    const servicePids = () => services.flatMap((service) => (service.child.pid === undefined ? [] : [service.child.pid]));
    const rows: Row[] = [];
    const measure = async (scenario: Scenario, url: string, clients: number, gateway: BenchGateway | null) => {
      const callsBefore = gateway ? await subgraphRequestsSoFar(subgraphMetricsUrls) : 0;
      const cpuBefore = cpuByProcess(servicePids());
      const gatewayCpuBefore = gateway ? cpuByProcess([gateway.processPid]) : null;
      const watched = gateway?.pid ? { watchPid: gateway.pid, ...(gateway.dtsenPid ? { companionPid: gateway.dtsenPid } : {}) } : {};
      const result: LoadResult = await runLoad({ url, connections: clients, durationSeconds: duration, next: scenario.next, ...watched });
      const cpu = [...cpuSpent(cpuBefore, cpuByProcess(servicePids())).values()].reduce((sum, ms) => sum + ms, 0);
      let cost: RunCost | null = null;
      if (gateway && gatewayCpuBefore && result.responses > 0) {
        const gatewayCpu = [...cpuSpent(gatewayCpuBefore, cpuByProcess([gateway.processPid])).values()].reduce((sum, ms) => sum + ms, 0);
        const calls = (await subgraphRequestsSoFar(subgraphMetricsUrls)) - callsBefore;
        cost = { cpuMs: cpu / result.responses, gatewayCpuMs: gatewayCpu / result.responses, subgraphCalls: calls / result.responses };
      }
      rows.push({ scenario: scenario.name, gateway: gateway?.name ?? null, connections: clients, result, cost });
      const costLine = cost ? `, CPU ${fmt(cost.cpuMs)} ms per request (gateway ${fmt(cost.gatewayCpuMs)}), ${fmt(cost.subgraphCalls)} subgraph calls per request` : '';
      console.log(`${scenario.name}${gateway ? ` via ${gateway.name}` : ''} @${clients}: ${fmt(result.requestsPerSecond)} req/s, p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, non-2xx ${result.non2xx}, errors ${result.errors}, gateway RSS ${result.peakRssMb === null ? '-' : fmt(result.peakRssMb)} MB${result.peakRssWithCompanionMb ? ` (${fmt(result.peakRssWithCompanionMb)} with the dtsen service)` : ''}${costLine}`);
    };
    // Scenario (a)'s own subgraph calls, recorded through our gateway with the dtsen service over HTTP, replayed straight to the subgraphs.
    const planRequests = keys.noKKs.slice(0, PLAN_RECORDINGS).map((noKK) => ({ query: HOUSEHOLD_BY_KK, variables: { noKK } }));
    const plans =
      letters.includes('a') && dtsenService
        ? await recordPlanCalls({ ...env, DTSEN_URL: `http://127.0.0.1:${gatewayPorts.dtsen}/graphql` }, token, planRequests)
        : null;
    if (plans) console.log(`recorded the subgraph calls of (a) for ${plans.length} households, in ${plans[0]?.length ?? 0} waves of ${plans[0]?.map((wave) => wave.length).join(', ')} calls`);
    const measurePlanFloor = async (clients: number, recorded: NonNullable<typeof plans>) => {
      const result = await runPlanFloor({ plans: recorded, connections: clients, durationSeconds: duration });
      rows.push({ scenario: PLAN_FLOOR, gateway: null, connections: clients, result });
      console.log(`${PLAN_FLOOR} @${clients}: ${fmt(result.requestsPerSecond)} req/s, p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, failed ${result.non2xx}`);
    };
    const paired: PairedRow[] = [];
    const measurePaired = async (gateway: BenchGateway, clients: number, recordedPlans: NonNullable<typeof plans>) => {
      const result = await runPaired({ gatewayUrl: gateway.url, token, requests: planRequests, plans: recordedPlans, connections: clients, durationSeconds: duration });
      paired.push({ gateway: gateway.name, connections: clients, result });
      console.log(`(a) via ${gateway.name} paired with its subgraph calls, direct @${clients}: ${result.pairs} pairs, p50 ${fmt(result.gatewayP50)} against ${fmt(result.floorP50)} ms, median difference ${fmt(result.medianPairDifference)} ms, failed ${result.failed}`);
    };

    // The gateways take turns at each client count, and (a)'s floor and pairs right after them: the runs the ratios compare are seconds apart, under the same load from the rest of the machine.
    for (const scenario of scenarios) {
      await checkAnswers(scenario.name, scenario.next(), gateways);
      // Unrecorded, so that no gateway's first turn pays for warming up what the others' turns find warm.
      for (const gateway of gateways) await runLoad({ url: gateway.url, connections: 1, durationSeconds: WARM_UP_SECONDS, next: scenario.next });
      for (const clients of connections) {
        for (const gateway of gateways) await measure(scenario, gateway.url, clients, gateway);
        if (scenario.letter === 'a' && plans) {
          await measurePlanFloor(clients, plans);
          for (const gateway of gateways) await measurePaired(gateway, clients, plans);
        }
      }
    }
    for (const floor of floors) {
      await checkAnswers(floor.name, floor.next(), [{ name: 'the register', url: floor.url }]);
      for (const clients of connections) await measure(floor, floor.url, clients, null);
    }

    const report = benchmarkReport({
      command,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: os.totalmem() / 1024 ** 3, node: process.version, platform: `${os.type()} ${os.release()}` },
      store,
      families,
      persons: seeded.persons,
      seedSeconds: seeded.seconds,
      resolution,
      durationSeconds: duration,
      rows,
      paired,
      sqlPerRequest,
      plan: plans ? planShape(plans) : null,
    });
    console.log(`\n${report}`);
    if (!values['no-write']) {
      writeFileSync(path.join(ROOT, values.out), report);
      console.log(`written to ${values.out}`);
    }
  } finally {
    await stopAll(services);
    if (!values['keep-data']) await stores.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
