import { REGISTERS, type Register } from '../../common/store-url';
import { postSignedGraphQL } from '../common/http-client';
import { testSigningKey } from '../support/principals';
import { startSystem, type RunningSystem } from '../support/system';
import { storeKinds } from '../support/stores';
import { fullAccessToken, testToken } from '../support/tokens';
import { AYU, BUDI, DEWI, EVALUATION_DATE, SITI, SUTRISNO_KK, WORLD_WITH_BPJS } from '../federated/fixtures';
import { fieldUsageCases } from './field-usage';
import { subgraphLines } from './metric-lines';

interface MetricsAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

async function getMetrics(origin: string, init: RequestInit = {}): Promise<MetricsAnswer> {
  const response = await fetch(`${origin}/metrics`, init);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The samples of this application's own metrics, less the histogram buckets and sums (timings). */
function dtsenSamples(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('dtsen_') && !/_bucket\{|_sum[{ ]/.test(line));
}

function sqlStatements(text: string, store: string): number {
  const match = new RegExp(`^dtsen_sql_statements_total\\{store="${store}"\\} (\\d+)$`, 'm').exec(text);
  if (!match) throw new Error(`no dtsen_sql_statements_total for ${store}`);
  return Number(match[1]);
}

/** Some of prom-client's default metrics: CPU, memory, event loop. */
const PROCESS_METRICS = ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes'];

const originOf = (url: string) => new URL(url).origin;

const householdOf = (register: Register) =>
  `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${register} { noKK address members { nik name } } } } }`;

describe.each(storeKinds())('GET /metrics (%s stores)', (store) => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store, data: WORLD_WITH_BPJS, evaluationDate: EVALUATION_DATE, dtsen: 'http' });
  });
  afterAll(() => system.stop());

  it.each(REGISTERS)('when the %s subgraph resolves one household, then its SQL counter rises by the statements that read it and the one audit insert', async (register) => {
    const origin = originOf(system.subgraphUrls[register]);
    const before = sqlStatements((await getMetrics(origin)).text, register);

    const answer = await postSignedGraphQL(testSigningKey(register), origin, householdOf(register), { representations: [{ __typename: 'Household', noKK: SUTRISNO_KK }] });
    const after = sqlStatements((await getMetrics(origin)).text, register);

    expect(answer.status).toBe(200);
    // The family row, its members, DTKS's receipts and P3KE's interventions (one query each), then the audit insert;
    // Kemendes lists no Jakarta family, so its family query finds nothing more to read or audit.
    expect(after - before).toBe({ dtks: 4, regsosek: 3, p3ke: 4, kemendes: 1, bpjs: 3 }[register]);
  });

  it.each(REGISTERS)('when Prometheus scrapes the %s subgraph without a signature, then it gets the metrics in its text format', async (register) => {
    const answer = await getMetrics(originOf(system.subgraphUrls[register]));

    expect({ status: answer.status, contentType: answer.contentType, counters: dtsenSamples(answer.text).filter((line) => line.startsWith('dtsen_sql')) }).toEqual({
      status: 200,
      contentType: 'text/plain; version=0.0.4; charset=utf-8',
      counters: [expect.stringMatching(new RegExp(`^dtsen_sql_statements_total\\{store="${register}"\\} \\d+$`))],
    });
  });

  it.each(REGISTERS)('when /metrics of the %s subgraph is posted to, then it is not served', async (register) => {
    const answer = await getMetrics(originOf(system.subgraphUrls[register]), { method: 'POST' });

    expect(answer.status).toBe(404);
  });

  it('when a gateway has answered one query and refused a misspelt one, then its /metrics counts one success and one error, the one call to the dtsen service, nothing running, waiting or refused, beside the process metrics', async () => {
    const gatewayUrl = await system.startAnotherGateway();
    const token = await fullAccessToken();
    const post = (query: string) =>
      fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    await post(`{ household(noKK: "${SUTRISNO_KK}") { noKK } }`);
    await post(`{ household(noKK: "${SUTRISNO_KK}") { noKKK } }`);

    const answer = await getMetrics(originOf(gatewayUrl));

    expect({ status: answer.status, samples: dtsenSamples(answer.text), processMetrics: PROCESS_METRICS.filter((name) => answer.text.includes(`\n${name} `)) }).toEqual({
      status: 200,
      samples: [
        'dtsen_graphql_requests_total{outcome="success"} 1',
        'dtsen_graphql_requests_total{outcome="error"} 1',
        'dtsen_graphql_request_duration_seconds_count 2',
        // The look-up is the dtsen service's alone; the misspelt one fails validation in the gateway.
        ...subgraphLines({ dtks: {}, regsosek: {}, p3ke: {}, kemendes: {}, bpjs: {}, changes: {}, dtsen: { outcomes: { ok: 1 }, timed: 1 } }),
        // The look-up alone: the misspelt one never ran.
        'dtsen_gateway_field_usage_total{organisation="Test organisation",coordinate="Query.household"} 1',
        'dtsen_gateway_field_usage_total{organisation="Test organisation",coordinate="Household.noKK"} 1',
        'dtsen_gateway_refusals_total{status="401",reason="unauthenticated"} 0',
        'dtsen_gateway_refusals_total{status="403",reason="forbidden"} 0',
        'dtsen_gateway_refusals_total{status="429",reason="rate_limited"} 0',
        'dtsen_gateway_refusals_total{status="429",reason="lookup_misses"} 0',
        'dtsen_gateway_refusals_total{status="503",reason="overloaded"} 0',
        'dtsen_gateway_refusals_total{status="400",reason="persisted_query_invalid"} 0',
        'dtsen_gateway_refusals_total{status="408",reason="body_timeout"} 0',
        'dtsen_gateway_refusals_total{status="413",reason="body_too_large"} 0',
        'dtsen_gateway_refusals_total{status="400",reason="malformed_body"} 0',
        'dtsen_gateway_requests_running 0',
        'dtsen_gateway_requests_queued 0',
        'dtsen_gateway_requests_shed_total{reason="queue_full"} 0',
        'dtsen_gateway_requests_shed_total{reason="waited_too_long"} 0',
      ],
      processMetrics: PROCESS_METRICS,
    });
  });

  it('when a family has been read through the gateway, then no /metrics names the family, its members, the caller or the operation, and the caller\'s organisation only as the field usage label', async () => {
    const caller = { subject: 'metrics-leak-subject', organisation: 'Dinas Metrics Leak', purpose: 'metrics leak check' };
    const token = await testToken(['indexer', 'analyst'], caller);
    const read = await system.query(`query MetricsLeakCheck($noKK: String!) { household(noKK: $noKK) { members { nik name } dtks { address } } }`, { noKK: SUTRISNO_KK }, token);
    const origins = [system.gatewayUrl, system.dtsenUrl ?? '', ...Object.values(system.subgraphUrls)].map(originOf);

    const texts = await Promise.all(origins.map(async (origin) => (await getMetrics(origin)).text));

    expect(read.body.errors).toBeUndefined();
    const personal = [SUTRISNO_KK, ...[BUDI, SITI, AYU, DEWI].flatMap((person) => [person.nik, person.name]), caller.subject, caller.purpose, 'MetricsLeakCheck'];
    expect(texts.map((text) => personal.filter((value) => text.includes(value)))).toEqual(origins.map(() => []));
    // An organisation is not a person: the gateway counts the fields it selects under its name (docs/observability.md, "Field usage").
    const usage = ['Query.household', 'Household.members', 'Person.nik', 'Person.name', 'Household.dtks', 'DtksFamily.address'].map(
      (coordinate) => `dtsen_gateway_field_usage_total{organisation="${caller.organisation}",coordinate="${coordinate}"} 1`,
    );
    expect(texts.map((text) => text.split('\n').filter((line) => line.includes(caller.organisation)))).toEqual(origins.map((origin) => (origin === originOf(system.gatewayUrl) ? usage : [])));
    expect([...new Set(texts.flatMap((text) => dtsenSamples(text).flatMap((line) => [...line.matchAll(/(\w+)="/g)].map((label) => label[1]))))].sort()).toEqual(['coordinate', 'organisation', 'outcome', 'reason', 'state', 'status', 'store', 'subgraph']);
  });

  // The field-usage counter is the gateway's alone, whichever store the registers use: SQLite only.
  if (store === 'sqlite') describe('field usage per organisation', () => fieldUsageCases(() => system));
});
