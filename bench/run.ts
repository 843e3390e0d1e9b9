// `npm run bench -- [--families 10000] [--duration 10] [--connections 1,10,50] [--port-base 4100]`
// Seeds a temporary data folder, runs the three register subgraphs and the gateway as their own
// processes, fills the resolution index, then loads each scenario with autocannon from this process
// and writes the table to docs/benchmarks.md (with --write, the default; --no-write prints only).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scopesOf, type Principal } from '../common/auth/principal';
import { encodePrincipal, signRequest } from '../common/auth/signature';
import { storeUrlsFrom } from '../common/config';
import { REGISTERS, type Register } from '../common/store-url';
import { signLocalToken } from '../gateway/auth/local-token';
import { loadResolutionConfig } from '../resolution/config';
import { resolveWhenIncomplete } from '../resolution/startup';
import { startService, stopAll, waitUntilReady, type RunningService } from '../scripts/start/processes';
import { seedStores } from '../seed/seed';
import { runLoad, type LoadRequest, type LoadResult } from './load';
import { benchmarkReport, type Row } from './report';
import { countSqlPerRequest } from './sql-count';
import { CITY_STATISTICS, HOUSEHOLD_BY_KK, HOUSEHOLD_PAGE, PERSON_BY_NIK, registerFloorQuery, type BenchKeys } from './scenarios';

const EVALUATION_DATE = '2026-01-15';
const READY_TIMEOUT_MS = 60_000;
const KEY_PAGES = 40;
const ROOT = path.join(__dirname, '..');

interface Scenario {
  readonly name: string;
  readonly url: string;
  readonly next: () => LoadRequest;
  /** The gateway's pid when the scenario goes through it. */
  readonly watchPid?: number;
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

/** A register request signed the moment it is sent: signatures are valid 30 s. */
function signedRegisterRequest(secret: string, principal: Principal, register: Register): (noKK: string) => LoadRequest {
  const encoded = encodePrincipal(principal);
  const query = registerFloorQuery(register);
  return (noKK) => {
    const body = JSON.stringify({ query, variables: { representations: [{ __typename: 'Household', noKK }] } });
    return { body, headers: { 'content-type': 'application/json', ...signRequest(secret, encoded, body) } };
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
      'port-base': { type: 'string', default: '4100' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const families = Number(values.families);
  const duration = Number(values.duration);
  const connections = values.connections.split(',').map(Number);
  const portBase = Number(values['port-base']);
  if (![families, duration, portBase, ...connections].every((n) => Number.isSafeInteger(n) && n > 0) || duration >= 30) {
    throw new Error('--families, --duration (under 30 s: signatures last 30 s), --connections and --port-base take positive whole numbers');
  }
  const command = `npm run bench -- --families ${families} --duration ${duration} --connections ${connections.join(',')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dtsen-bench-'));
  const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('hex'), PRINCIPAL_SIGNING_SECRET: randomBytes(32).toString('hex') };
  const ports = { gateway: portBase, dtks: portBase + 1, regsosek: portBase + 2, p3ke: portBase + 3 };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    APOLLO_TELEMETRY_DISABLED: '1',
    DATA_DIR: dataDir,
    EVALUATION_DATE,
    ...secrets,
    PORT: String(ports.gateway),
    DTKS_PORT: String(ports.dtks),
    REGSOSEK_PORT: String(ports.regsosek),
    P3KE_PORT: String(ports.p3ke),
    DTKS_URL: `http://127.0.0.1:${ports.dtks}/graphql`,
    REGSOSEK_URL: `http://127.0.0.1:${ports.regsosek}/graphql`,
    P3KE_URL: `http://127.0.0.1:${ports.p3ke}/graphql`,
    RATE_LIMIT_PER_MINUTE: '100000000',
  };
  const services: RunningService[] = [];
  try {
    let started = Date.now();
    const seeded = await seedStores({ families, seed: 1, evaluationDate: new Date(`${EVALUATION_DATE}T00:00:00Z`), stores: storeUrlsFrom(REGISTERS, { DATA_DIR: dataDir }) });
    console.log(`seeded ${seeded.families} families (${seeded.persons} persons) in ${seeded.seconds.toFixed(1)} s`);

    for (const register of REGISTERS) {
      services.push(startService({ name: register, entry: `subgraphs/${register}/main.ts`, url: `http://127.0.0.1:${ports[register]}` }, env));
    }
    await Promise.all(services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
    const gateway = startService({ name: 'gateway', entry: 'gateway/main.ts', url: `http://127.0.0.1:${ports.gateway}` }, env);
    services.push(gateway);
    await waitUntilReady(gateway, READY_TIMEOUT_MS);
    const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
    const gatewayPid = gateway.child.pid;
    if (gatewayPid === undefined) throw new Error('the gateway has no pid');

    const roles = ['indexer', 'analyst'] as const;
    const token = await signLocalToken(secrets.AUTH_JWT_SECRET, { roles, subject: 'bench', organisation: 'Benchmark', purpose: 'benchmark', expiresIn: '2h' });
    started = Date.now();
    const resolution = await resolveWhenIncomplete({ indexUrl: loadResolutionConfig(env).indexUrl, gatewayUrl, gatewayToken: token });
    const resolveSeconds = (Date.now() - started) / 1000;
    console.log(`resolved ${resolution?.families ?? 0} families in ${resolveSeconds.toFixed(1)} s`);

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
    const sqlMetricsUrls = [...REGISTERS.map((register) => ports[register]), ports.gateway].map((port) => `http://127.0.0.1:${port}/metrics`);
    const sqlPerRequest = await countSqlPerRequest({ metricsUrls: sqlMetricsUrls, gatewayUrl, keys, household, page });

    const scenarios: Scenario[] = [
      { name: '(a) household by KK', url: gatewayUrl, next: () => household({ noKK: kk() }), watchPid: gatewayPid },
      { name: '(b) page of 50 households', url: gatewayUrl, next: () => page({ after: cursor() }), watchPid: gatewayPid },
      { name: '(c) person by NIK', url: gatewayUrl, next: () => person({ nik: nik() }), watchPid: gatewayPid },
      { name: '(d) statistics of a city', url: gatewayUrl, next: () => statistics({ city: city() }), watchPid: gatewayPid },
      ...REGISTERS.map((register) => {
        const signed = signedRegisterRequest(secrets.PRINCIPAL_SIGNING_SECRET, principal, register);
        return { name: `floor: (a) ${register} read, direct`, url: `http://127.0.0.1:${ports[register]}/graphql`, next: () => signed(kk()) };
      }),
    ];

    const rows: Row[] = [];
    for (const scenario of scenarios) {
      await checkAnswer(scenario);
      for (const clients of connections) {
        const result: LoadResult = await runLoad({ url: scenario.url, connections: clients, durationSeconds: duration, next: scenario.next, ...(scenario.watchPid ? { watchPid: scenario.watchPid } : {}) });
        rows.push({ scenario: scenario.name, connections: clients, result });
        console.log(`${scenario.name} @${clients}: ${fmt(result.requestsPerSecond)} req/s, p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, p99 ${fmt(result.p99)} ms, non-2xx ${result.non2xx}, errors ${result.errors}, gateway RSS ${result.peakRssMb === null ? '-' : fmt(result.peakRssMb)} MB`);
      }
    }

    const report = benchmarkReport({
      command,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: os.totalmem() / 1024 ** 3, node: process.version, platform: `${os.type()} ${os.release()}` },
      families,
      persons: seeded.persons,
      seedSeconds: seeded.seconds,
      resolveSeconds,
      durationSeconds: duration,
      rows,
      sqlPerRequest,
    });
    console.log(`\n${report}`);
    if (!values['no-write']) {
      writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), report);
      console.log('written to docs/benchmarks.md');
    }
  } finally {
    await stopAll(services);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One request of the scenario before its runs: a benchmark of error answers measures nothing. */
async function checkAnswer(scenario: Scenario): Promise<void> {
  const { body, headers } = scenario.next();
  const response = await fetch(scenario.url, { method: 'POST', headers, body });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || answer.errors || !answer.data) {
    throw new Error(`${scenario.name}: the check request was answered ${response.status} ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
