import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { samples } from '../observability/metric-lines';
import { freePort, run, waitForLine, type Started } from '../support/main-process';
import { testToken } from '../support/tokens';
import { post, queryHash, RULE_SET_ANSWER } from './apq-client';
import { openTestSharedState, testRedisUrl, usesTestRedis, type TestSharedState } from './test-redis';

usesTestRedis();

const RULE_SET = '{ ruleSet { version } }';

/** The primary's children that run the gateway: tsx also starts an esbuild service under it. */
function workerPids(primary: Started): number[] {
  return execFileSync('pgrep', ['-P', String(primary.child.pid), '-f', 'gateway/main.ts'], { encoding: 'utf8' }).trim().split('\n').map(Number);
}

/** Every worker prints the ready line; resolves once `count` of them have. */
async function readyLines(started: Started, url: string, count: number, timeoutMs = 30_000): Promise<void> {
  const line = `DTSEN gateway ready at ${url.replace('127.0.0.1', 'localhost')}`;
  const deadline = Date.now() + timeoutMs;
  while (started.output().split(line).length - 1 < count) {
    if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`${count} ready lines expected:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One request on a connection of its own: the cluster primary hands each new connection to the
 * next worker in turn, where fetch would keep reusing one connection, so one worker.
 */
function onNewConnection(
  url: string,
  options: { method: 'GET' | 'POST'; token?: string; query?: string; extensions?: Record<string, unknown> },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
    const req = httpRequest(url, { method: options.method, agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    const body = { ...(options.query !== undefined && { query: options.query }), ...(options.extensions !== undefined && { extensions: options.extensions }) };
    req.end(options.method === 'GET' ? undefined : JSON.stringify(body));
  });
}

describe('a gateway started with GATEWAY_WORKERS=2', () => {
  let shared: TestSharedState;
  let dataDir: string;
  let gateway: Started;
  let url: string;
  beforeAll(async () => {
    shared = await openTestSharedState();
    dataDir = mkdtempSync(path.join(tmpdir(), 'dtsen-workers-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    gateway = run('gateway/main.ts', { DATA_DIR: dataDir, PORT: String(port), GATEWAY_WORKERS: '2', REDIS_URL: await testRedisUrl(), REDIS_KEY_PREFIX: shared.keyPrefix, RATE_LIMIT_PER_MINUTE: '3' });
    await readyLines(gateway, url, 2, 60_000);
  }, 90_000);
  afterAll(async () => {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await shared.remove();
  });

  it('when requests were answered by both workers, then /metrics on either worker counts them all, their field usage included, and shows the breakers of both', async () => {
    const token = await testToken('frontend', { subject: 'two-workers-metrics' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await onNewConnection(url, { method: 'POST', token, query: RULE_SET })).status);

    const scrapes = [];
    for (let i = 0; i < 2; i += 1) scrapes.push((await onNewConnection(new URL('/metrics', url).href, { method: 'GET' })).text);

    const read = (text: string) => [
      ...samples(text, 'dtsen_graphql_requests_total'),
      ...samples(text, 'dtsen_gateway_refusals_total{status="429"'),
      ...samples(text, 'dtsen_subgraph_circuit_breaker_state').filter((line) => line.includes('state="closed"')),
      ...samples(text, 'dtsen_gateway_field_usage_total'),
    ];
    const expected = [
      'dtsen_graphql_requests_total{outcome="success"} 3',
      'dtsen_graphql_requests_total{outcome="error"} 0',
      'dtsen_gateway_refusals_total{status="429",reason="rate_limited"} 1',
      'dtsen_gateway_refusals_total{status="429",reason="lookup_misses"} 0',
      // Each worker has its own breakers, all closed: the sum counts the workers.
      'dtsen_subgraph_circuit_breaker_state{subgraph="dtks",state="closed"} 2',
      'dtsen_subgraph_circuit_breaker_state{subgraph="regsosek",state="closed"} 2',
      'dtsen_subgraph_circuit_breaker_state{subgraph="p3ke",state="closed"} 2',
      'dtsen_subgraph_circuit_breaker_state{subgraph="kemendes",state="closed"} 2',
      'dtsen_subgraph_circuit_breaker_state{subgraph="bpjs",state="closed"} 2',
      'dtsen_subgraph_circuit_breaker_state{subgraph="changes",state="closed"} 2',
      // Both workers counted the operations they ran under the same organisation: the sum is the pod's.
      'dtsen_gateway_field_usage_total{organisation="Test organisation",coordinate="Query.ruleSet"} 3',
      'dtsen_gateway_field_usage_total{organisation="Test organisation",coordinate="RuleSetInfo.version"} 3',
    ];
    expect({ statuses, scrapes: scrapes.map(read) }).toEqual({ statuses: [200, 200, 200, 429], scrapes: [expected, expected] });
  }, 30_000);

  it('when a query is registered through one worker (two points) and run by its hash through the other (one), then the principal has spent its three points across both worker processes', async () => {
    const token = await testToken('frontend', { subject: 'two-workers-persisted' });
    const extensions = { persistedQuery: { version: 1, sha256Hash: queryHash(RULE_SET) } };
    const answer = ({ status, text }: { status: number; text: string }) => ({ status, body: JSON.parse(text) as unknown });

    const registered = answer(await onNewConnection(url, { method: 'POST', token, query: RULE_SET, extensions }));
    const byHash = answer(await onNewConnection(url, { method: 'POST', token, extensions }));
    const next = (await onNewConnection(url, { method: 'POST', token, query: RULE_SET })).status;

    expect({ registered, byHash, next }).toEqual({ registered: RULE_SET_ANSWER, byHash: RULE_SET_ANSWER, next: 429 });
  });

  it('when a worker dies, then another takes its place and requests are answered within the principal\'s budget; SIGTERM stops them all and the gateway exits 0', async () => {
    const token = await testToken('frontend', { subject: 'two-workers' });
    const [first] = workerPids(gateway);
    process.kill(first as number, 'SIGKILL');
    await waitForLine(gateway, 'starting another');
    await readyLines(gateway, url, 3, 60_000);

    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push(await post(url, token, RULE_SET));
    const workers = workerPids(gateway);
    gateway.child.kill('SIGTERM');

    expect({ workers: workers.length, replaced: !workers.includes(first as number), statuses, exit: await gateway.exited }).toEqual({
      workers: 2,
      replaced: true,
      statuses: [200, 200, 200, 429, 429, 429],
      exit: 0,
    });
  }, 90_000);
});
