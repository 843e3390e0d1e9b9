import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, run, waitForLine } from '../support/main-process';
import { testToken } from '../support/tokens';
import { REGISTERS } from '../../common/store-url';

const SLOW_MS = 1_500;
/** Requests in flight when the signal comes: a load, not a single request. */
const IN_FLIGHT = 20;

/**
 * Stands in for the register subgraphs: answers every `_entities` probe after SLOW_MS, holding
 * no family, so a gateway request is in flight for that long.
 */
async function slowRegisters(): Promise<{ server: Server; url: (register: string) => string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const register = (req.url ?? '').split('/')[1] ?? '';
      const { variables } = JSON.parse(body) as { variables: { representations: unknown[] } };
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { _entities: variables.representations.map(() => ({ [register]: null })) } }));
      }, SLOW_MS);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: (register) => `http://127.0.0.1:${port}/${register}/graphql` };
}

/**
 * A POST on a connection closed after its answer: fetch would keep it open for the load's requests
 * to reuse, and a kept-alive idle connection is one the shutdown closes under a request sent on it.
 */
function servedOnItsOwnConnection(url: string, token: string, query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text) as unknown));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

describe('when the gateway process gets SIGTERM during a load of slow requests', () => {
  let dataDir: string;
  let registers: Awaited<ReturnType<typeof slowRegisters>>;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dtsen-shutdown-'));
    registers = await slowRegisters();
  });
  afterAll(async () => {
    registers.server.closeAllConnections();
    await new Promise((resolve) => registers.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('then it had served the supergraph, every in-flight request completes, readiness and new requests are refused, and the process exits 0', async () => {
    const port = await freePort();
    const started = run('gateway/main.ts', {
      DATA_DIR: dataDir,
      PORT: String(port),
      ...Object.fromEntries(REGISTERS.map((register) => [`${register.toUpperCase()}_URL`, registers.url(register)])),
    });
    await waitForLine(started, `DTSEN gateway ready at http://localhost:${port}/graphql`);
    const base = `http://127.0.0.1:${port}`;
    const token = await testToken('frontend');
    const ruleSet = await servedOnItsOwnConnection(`${base}/graphql`, token, '{ ruleSet { version } }');
    const readyBefore = await fetch(`${base}/health/ready`);

    const inFlight = Array.from({ length: IN_FLIGHT }, () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ household(noKK: "3172011506100001") { noKK } }' }),
      }).then(async (answer) => ({ status: answer.status, body: (await answer.json()) as unknown })),
    );
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS / 3));
    started.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readyDuring = await fetch(`${base}/health/ready`).then(
      (response) => response.status,
      () => 'refused',
    );
    const answers = await Promise.all(inFlight);

    expect(readyBefore.status).toBe(200);
    expect(ruleSet).toEqual({ data: { ruleSet: { version: '2025' } } });
    expect(['refused', 503]).toContain(readyDuring);
    expect(answers).toEqual(Array.from({ length: IN_FLIGHT }, () => ({ status: 200, body: { data: { household: null } } })));
    expect(await started.exited).toBe(0);
  });
});
