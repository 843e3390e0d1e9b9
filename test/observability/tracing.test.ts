import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import { REGISTERS } from '../../common/store-url';
import { createDtksRepository } from '../../subgraphs/dtks/repository';
import { createP3keRepository } from '../../subgraphs/p3ke/repository';
import { createRegsosekRepository } from '../../subgraphs/regsosek/repository';
import { AYU, BUDI, DEWI, SITI, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { freePort, run, waitForLine, type Started } from '../support/main-process';
import { createTestStores, storeKinds, type StoreKind, type TestStores } from '../support/stores';
import { fullAccessToken } from '../support/tokens';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
import { openStoreOf } from '../support/subgraph-stores';

const SERVER = 2;
const GATEWAY = 'dtsen-gateway';

const HOUSEHOLD = 'query Household($noKK: String!) { household(noKK: $noKK) { noKK sources members { nik name } } }';
const HOUSEHOLD_ANSWER = {
  data: {
    household: {
      noKK: SUTRISNO_KK,
      sources: ['DTKS', 'REGSOSEK', 'P3KE'],
      members: [BUDI, SITI, AYU, DEWI].map(({ nik, name }) => ({ nik, name })),
    },
  },
};
/** What must never leave a process in a span: the family's No. KK, its members' NIKs and names. */
const PERSONAL_DATA = [SUTRISNO_KK, ...[BUDI, SITI, AYU, DEWI].flatMap((person) => [person.nik, person.name])];

// Real processes: the instrumentations patch modules through Node's require, which jest's module registry bypasses.
// One start for the file, on MariaDB when MYSQL_URL is set (so that mysql2's spans are checked too), else SQLite.
const STORE: StoreKind = storeKinds().includes('mysql') ? 'mysql' : 'sqlite';

async function fillStores(stores: TestStores): Promise<void> {
  const fill = async (opened: Promise<DataSource>, insert: (store: DataSource) => Promise<unknown>) => {
    const store = await opened;
    try {
      await insert(store);
    } finally {
      await closeStore(store);
    }
  };
  await fill(openStoreOf('dtks')(stores.urls.dtks, {}), (store) => createDtksRepository(store).insertFamilies(WORLD.dtks));
  await fill(openStoreOf('regsosek')(stores.urls.regsosek, {}), (store) => createRegsosekRepository(store).insertFamilies(WORLD.regsosek));
  await fill(openStoreOf('p3ke')(stores.urls.p3ke, {}), (store) => createP3keRepository(store).insertFamilies(WORLD.p3ke));
}

/** A span as one line: its service, name (and the subgraph of a gateway.fetch), and its parent's. */
function describeSpans(trace: readonly ReceivedSpan[]): string[] {
  const byId = new Map(trace.map((span) => [span.spanId, span]));
  const label = (span: ReceivedSpan) => `${span.service} ${span.name}${span.name === 'gateway.fetch' ? ` ${String(span.attributes['service'])}` : ''}`;
  const lines = trace.map((span) => {
    const parent = byId.get(span.parentSpanId);
    return `${label(span)} <- ${parent ? label(parent) : span.parentSpanId === '' ? 'none' : 'outside the trace'}`;
  });
  return [...new Set(lines)].sort();
}

/** The statements each register runs for a household, on MariaDB: reads, and the audit entry. */
const SQL_SPANS =
  STORE === 'mysql'
    ? REGISTERS.flatMap((register) => [
        `${register}-subgraph SELECT <- ${register}-subgraph POST /graphql`,
        // The partners' registers hold no family of WORLD: nothing read, so no audit entry written.
        ...(register === 'kemendes' || register === 'bpjs' ? [] : [`${register}-subgraph INSERT <- ${register}-subgraph POST /graphql`]),
      ])
    : [];

describe(`traces of the running processes (${STORE} stores)`, () => {
  let receiver: OtlpReceiver;
  let stores: TestStores;
  let dataDir: string;
  let gatewayUrl: string;
  let token: string;
  const processes: Started[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stores = createTestStores(STORE);
    await fillStores(stores);
    dataDir = mkdtempSync(path.join(tmpdir(), 'dtsen-tracing-'));
    const telemetry = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '20', DATA_DIR: dataDir };
    const ports = { dtks: await freePort(), regsosek: await freePort(), p3ke: await freePort(), kemendes: await freePort(), bpjs: await freePort(), gateway: await freePort() };
    const graphqlUrl = (register: keyof typeof ports) => `http://127.0.0.1:${ports[register]}/graphql`;
    const start = (entry: string, port: number, env: Record<string, string>, args: readonly string[] = []) => {
      const started = run(entry, { ...telemetry, ...env }, args);
      processes.push(started);
      // Tracing slows a start (every require passes the instrumentations' hook), and four start on two cores.
      return waitForLine(started, `ready at http://localhost:${port}/graphql`, 60_000);
    };
    // The gateway serves its static supergraph without asking the subgraphs, so all four start at once.
    await Promise.all([
      ...REGISTERS.map((register) => {
        const prefix = register.toUpperCase();
        return start('subgraphs/main.ts', ports[register], { [`${prefix}_PORT`]: String(ports[register]), [`${prefix}_DATABASE_URL`]: stores.urls[register] }, [register]);
      }),
      start('gateway/main.ts', ports.gateway, {
        PORT: String(ports.gateway),
        INDEX_DATABASE_URL: `sqlite:${path.join(dataDir, 'index.sqlite')}`,
        REDIS_URL: '',
        EVALUATION_DATE: '2025-07-01',
        ...Object.fromEntries(REGISTERS.map((register) => [`${register.toUpperCase()}_URL`, graphqlUrl(register)])),
      }),
    ]);
    gatewayUrl = graphqlUrl('gateway');
    token = await fullAccessToken();
  }, 90_000);

  afterAll(async () => {
    for (const started of processes) started.child.kill('SIGTERM');
    await Promise.all(processes.map((started) => started.exited));
    await receiver?.stop();
    await stores?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const gatewayServerSpans = (name: string) => receiver.spans.filter((span) => span.service === GATEWAY && span.kind === SERVER && span.name === name);

  it('when a household is looked up, then the gateway and every register it called record one trace', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: HOUSEHOLD, variables: { noKK: SUTRISNO_KK } }),
    });
    const body: unknown = await response.json();
    // The gateway's server span ends last, but each process exports in batches of its own: a
    // register's request span may still be on its way when the root has come, while its SQL spans
    // have arrived. The trace is whole when every span's parent is in it.
    const whole = (spans: readonly ReceivedSpan[]) => spans.every((span) => span.parentSpanId === '' || spans.some((other) => other.spanId === span.parentSpanId));
    const traceOf = (root: ReceivedSpan) => receiver.spans.filter((span) => span.traceId === root.traceId);
    await receiver.until(() => gatewayServerSpans('POST /graphql').length === 1);
    const root = gatewayServerSpans('POST /graphql')[0] as ReceivedSpan;
    await receiver.until(() => whole(traceOf(root))).catch(() => undefined);
    const trace = traceOf(root);

    expect(body).toEqual(HOUSEHOLD_ANSWER);
    expect(describeSpans(trace)).toEqual(
      [
        'bpjs-subgraph POST /graphql <- dtsen-gateway POST',
        'dtks-subgraph POST /graphql <- dtsen-gateway POST',
        'dtsen-gateway POST /graphql <- none',
        'dtsen-gateway POST <- dtsen-gateway gateway.fetch bpjs',
        'dtsen-gateway gateway.fetch bpjs <- dtsen-gateway gateway.execute',
        'dtsen-gateway POST <- dtsen-gateway gateway.fetch dtks',
        'dtsen-gateway POST <- dtsen-gateway gateway.fetch dtsen',
        'dtsen-gateway POST <- dtsen-gateway gateway.fetch kemendes',
        'dtsen-gateway POST <- dtsen-gateway gateway.fetch p3ke',
        'dtsen-gateway POST <- dtsen-gateway gateway.fetch regsosek',
        'dtsen-gateway gateway.execute <- dtsen-gateway gateway.request',
        'dtsen-gateway gateway.fetch dtks <- dtsen-gateway gateway.execute',
        'dtsen-gateway gateway.fetch dtsen <- dtsen-gateway gateway.execute',
        'dtsen-gateway gateway.fetch kemendes <- dtsen-gateway gateway.execute',
        'dtsen-gateway gateway.fetch p3ke <- dtsen-gateway gateway.execute',
        'dtsen-gateway gateway.fetch regsosek <- dtsen-gateway gateway.execute',
        'dtsen-gateway gateway.plan <- dtsen-gateway gateway.request',
        'dtsen-gateway gateway.postprocessing <- dtsen-gateway gateway.execute',
        'dtsen-gateway gateway.request <- dtsen-gateway POST /graphql',
        'dtsen-gateway gateway.validate <- dtsen-gateway gateway.request',
        'kemendes-subgraph POST /graphql <- dtsen-gateway POST',
        'p3ke-subgraph POST /graphql <- dtsen-gateway POST',
        'regsosek-subgraph POST /graphql <- dtsen-gateway POST',
        ...SQL_SPANS,
      ].sort(),
    );
  });

  it('when requests carry personal data in the URL, the body or a malformed body, then no span anywhere holds it', async () => {
    const search = new URLSearchParams({ query: HOUSEHOLD, variables: JSON.stringify({ noKK: SUTRISNO_KK }) });
    const viaGet = await fetch(`${gatewayUrl}?${search}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    const malformed = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"query": "${HOUSEHOLD}", "variables": {"noKK": "${SUTRISNO_KK}", "nik": "${BUDI.nik}"} x}`,
    });
    const answers = { viaGet: { status: viaGet.status, body: await viaGet.json() }, malformed: { status: malformed.status, body: await malformed.json() } };
    const refused = () => gatewayServerSpans('POST /graphql').filter((span) => span.attributes['http.response.status_code'] === 400);
    await receiver.until(() => gatewayServerSpans('GET /graphql').length === 1 && refused().length === 1);
    const leaks = receiver.spans.filter((span) => PERSONAL_DATA.some((value) => span.raw.includes(value)));

    expect(answers).toEqual({
      viaGet: { status: 200, body: HOUSEHOLD_ANSWER },
      malformed: { status: 400, body: { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] } },
    });
    expect(gatewayServerSpans('GET /graphql').map((span) => ({ path: span.attributes['url.path'], query: span.attributes['url.query'] }))).toEqual([{ path: '/graphql', query: undefined }]);
    expect(leaks.map((span) => `${span.service} ${span.name}: ${span.raw}`)).toEqual([]);
  });
});
