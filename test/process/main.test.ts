import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { SECRETS_ENV } from '../support/env';
import { testToken } from '../support/tokens';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function run(entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...SECRETS_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForLine(started: Started, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the processes as main.ts runs them', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dtsen-main-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when a subgraph is started, then it migrates its store, answers ready, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const started = run('subgraphs/dtks/main.ts', { DATA_DIR: dataDir, DTKS_PORT: String(port) });
    await waitForLine(started, `dtks subgraph ready at http://localhost:${port}/graphql`);

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    started.child.kill('SIGTERM');

    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await started.exited).toBe(0);
  });

  it('when the gateway is started, then it serves the supergraph and exits 0 on SIGINT', async () => {
    const port = await freePort();
    const started = run('gateway/main.ts', { DATA_DIR: dataDir, PORT: String(port) });
    await waitForLine(started, `DTSEN gateway ready at http://localhost:${port}/graphql`);

    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken('frontend')}` },
      body: JSON.stringify({ query: '{ ruleSet { version } }' }),
    });
    started.child.kill('SIGINT');

    expect(await response.json()).toEqual({ data: { ruleSet: { version: '2025' } } });
    expect(await started.exited).toBe(0);
  });

  it('when a variable is malformed, then the process refuses to start and names it', async () => {
    const started = run('subgraphs/p3ke/main.ts', { DATA_DIR: dataDir, P3KE_PORT: 'eighty' });

    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('P3KE_PORT');
  });
});
