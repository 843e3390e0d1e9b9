import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { HOUSEHOLD_QUERY } from '../reliability/system-with-proxy';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken, testToken } from '../support/tokens';
import { samples, subgraphLines } from './metric-lines';

/** A P3KE answer takes this long while the proxy is slow: long enough to hold the gateway's one slot. */
const P3KE_SLOW_MS = 300;
const RULE_SET = '{ ruleSet { version } }';
/** A well-formed No. KK no register holds: a look-up of it finds nothing. */
const UNKNOWN_KK = '3171999999999999';

async function metricsOf(gatewayUrl: string): Promise<string> {
  const response = await fetch(new URL('/metrics', gatewayUrl));
  return response.text();
}

function post(gatewayUrl: string, token: string | null, body: Record<string, unknown>): Promise<Response> {
  return fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
}

describe('the metrics an operator reads off the gateway', () => {
  let system: RunningSystem;
  let proxy: FaultProxy | undefined;
  let token: string;

  beforeAll(async () => {
    system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      subgraphTimeoutMs: 1_000,
      // One retry; two consecutive failures open a breaker, which stays open for the rest of the file.
      resilience: { retries: 1, breakerThreshold: 2, breakerHalfOpenMs: 600_000 },
      rateLimitPerMinute: 2,
      lookupMissesPerHour: 1,
      // One request at a time and none waiting: a second request while one runs is refused.
      concurrency: { maxConcurrent: 1, maxQueued: 0 },
      subgraphUrlFor: async (register, url) => {
        if (register !== 'p3ke') return url;
        proxy = await startFaultProxy(url, { slowMs: P3KE_SLOW_MS });
        return proxy.url;
      },
    });
    // The resolution run's role: neither rate-limited nor counted for look-up misses.
    token = await fullAccessToken();
  });
  afterEach(async () => {
    await proxy?.set('pass');
  });
  afterAll(async () => {
    await system.stop();
    await proxy?.close();
  });

  it('when every register answers a household look-up, then each register counts its calls ok and timed, none retried, its breaker closed', async () => {
    const gatewayUrl = await system.startAnotherGateway();

    const answer = await post(gatewayUrl, token, { query: HOUSEHOLD_QUERY, variables: { noKK: SUTRISNO_KK } });
    const text = await metricsOf(gatewayUrl);

    expect(answer.status).toBe(200);
    // Per register: the register directory's probe (is the family held?), then the plan's entity fetch.
    const up = { outcomes: { ok: 2 }, timed: 2 };
    expect(samples(text, 'dtsen_subgraph_')).toEqual(subgraphLines({ dtks: up, regsosek: up, p3ke: up, kemendes: up, bpjs: up, changes: {} }));
  });

  it('when P3KE is down, then its failed call and retry are counted, its breaker opens, and the next calls are counted circuit_open and skipped', async () => {
    const gatewayUrl = await system.startAnotherGateway();
    await proxy?.set('down');

    const first = await post(gatewayUrl, token, { query: HOUSEHOLD_QUERY, variables: { noKK: SUTRISNO_KK } });
    const second = await post(gatewayUrl, token, { query: HOUSEHOLD_QUERY, variables: { noKK: SUTRISNO_KK } });
    const text = await metricsOf(gatewayUrl);

    expect([first.status, second.status]).toEqual([200, 200]);
    const up = { outcomes: { ok: 4 }, timed: 4 };
    // First look-up: the probe's attempt and its one retry are refused (two failures: the breaker
    // opens), and the entity fetch is not made in that request. Second: the probe fails fast, the
    // entity fetch again is not made.
    const down = { outcomes: { unreachable: 1, circuit_open: 1, skipped: 2 }, timed: 1, retries: 1, breaker: 'open' as const };
    expect(samples(text, 'dtsen_subgraph_')).toEqual(subgraphLines({ dtks: up, regsosek: up, p3ke: down, kemendes: up, bpjs: up, changes: {} }));
  });

  it('when a request has no token, one passes the rate limit, one the look-up misses, one the export scope, one registers a bad persisted query, one sends a body too large and one a body that is not JSON, and one finds the gateway full, then each refusal is counted once under its status and reason', async () => {
    const gatewayUrl = await system.startAnotherGateway();
    const tokenOf = (subject: string) => testToken('frontend', { subject: `refusal-metrics-${subject}` });
    const [chatty, guesser, exporter, registrar, latecomer] = await Promise.all([tokenOf('chatty'), tokenOf('guesser'), tokenOf('exporter'), tokenOf('registrar'), tokenOf('latecomer')]);
    const lookUpUnknown = { query: 'query ($noKK: String!) { household(noKK: $noKK) { noKK } }', variables: { noKK: UNKNOWN_KK } };

    const statuses: Record<string, number[]> = {
      anonymous: [(await post(gatewayUrl, null, { query: RULE_SET })).status],
      chatty: [],
      guesser: [],
      exporter: [(await fetch(new URL('/export/households.csv', gatewayUrl), { headers: { authorization: `Bearer ${exporter}` } })).status],
      registrar: [(await post(gatewayUrl, registrar, { query: RULE_SET, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } })).status],
      oversized: [(await post(gatewayUrl, token, { query: `#${'x'.repeat(2_000_000)}\n${RULE_SET}` })).status],
      malformed: [(await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query": ' })).status],
    };
    for (let i = 0; i < 3; i += 1) statuses['chatty']?.push((await post(gatewayUrl, chatty, { query: RULE_SET })).status);
    for (let i = 0; i < 2; i += 1) statuses['guesser']?.push((await post(gatewayUrl, guesser, lookUpUnknown)).status);
    await proxy?.set('slow');
    const running = post(gatewayUrl, token, { query: HOUSEHOLD_QUERY, variables: { noKK: SUTRISNO_KK } });
    while (!samples(await metricsOf(gatewayUrl), 'dtsen_gateway_requests_running').includes('dtsen_gateway_requests_running 1'));
    statuses['latecomer'] = [(await post(gatewayUrl, latecomer, { query: RULE_SET })).status, (await running).status];
    const text = await metricsOf(gatewayUrl);

    expect({ statuses, refusals: samples(text, 'dtsen_gateway_refusals_total') }).toEqual({
      statuses: { anonymous: [401], chatty: [200, 200, 429], guesser: [200, 429], exporter: [403], registrar: [400], oversized: [413], malformed: [400], latecomer: [503, 200] },
      refusals: [
        'dtsen_gateway_refusals_total{status="401",reason="unauthenticated"} 1',
        'dtsen_gateway_refusals_total{status="403",reason="forbidden"} 1',
        'dtsen_gateway_refusals_total{status="429",reason="rate_limited"} 1',
        'dtsen_gateway_refusals_total{status="429",reason="lookup_misses"} 1',
        'dtsen_gateway_refusals_total{status="503",reason="overloaded"} 1',
        'dtsen_gateway_refusals_total{status="400",reason="persisted_query_invalid"} 1',
        'dtsen_gateway_refusals_total{status="408",reason="body_timeout"} 0',
        'dtsen_gateway_refusals_total{status="413",reason="body_too_large"} 1',
        'dtsen_gateway_refusals_total{status="400",reason="malformed_body"} 1',
      ],
    });
  });
});
