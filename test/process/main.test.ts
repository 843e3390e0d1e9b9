import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, run, waitForLine } from '../support/main-process';

describe('the processes as main.ts runs them', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dtsen-main-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when a subgraph is started, then it migrates its store, answers ready, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const started = run('subgraphs/main.ts', { DATA_DIR: dataDir, DTKS_PORT: String(port) }, ['dtks']);
    await waitForLine(started, `dtks subgraph ready at http://localhost:${port}/graphql`);

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    started.child.kill('SIGTERM');

    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await started.exited).toBe(0);
  });

  it('when the changes subgraph is started, then it migrates its own store, answers ready, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const started = run('subgraphs/main.ts', { DATA_DIR: dataDir, CHANGES_PORT: String(port) }, ['changes']);
    await waitForLine(started, `changes subgraph ready at http://localhost:${port}/graphql`);

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    started.child.kill('SIGTERM');

    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await started.exited).toBe(0);
  });

  it('when CHANGE_CUTOFF_DAY is a day not every month has, then the changes subgraph refuses to start and names it', async () => {
    const started = run('subgraphs/main.ts', { DATA_DIR: dataDir, CHANGE_CUTOFF_DAY: '31' }, ['changes']);

    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('CHANGE_CUTOFF_DAY must be a whole number from 1 to 28, got 31');
  });

  it('when a variable is malformed, then the process refuses to start and names it', async () => {
    const started = run('subgraphs/main.ts', { DATA_DIR: dataDir, P3KE_PORT: 'eighty' }, ['p3ke']);

    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('P3KE_PORT');
  });

  // SIGINT here, SIGTERM elsewhere: every main.ts stops through common/serve.ts, on either signal
  // (the gateway's start, answer and SIGTERM are test/reliability/shutdown.test.ts's).
  it('when the dtsen subgraph is started through the same entry point, then it opens the index, answers ready, and exits 0 on SIGINT', async () => {
    const port = await freePort();
    const started = run('subgraphs/main.ts', { DATA_DIR: dataDir, SUBGRAPH: 'dtsen', DTSEN_PORT: String(port) });
    await waitForLine(started, `dtsen subgraph ready at http://localhost:${port}/graphql`);

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    started.child.kill('SIGINT');

    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await started.exited).toBe(0);
  });

  it('when the entry point is given a subgraph the registry lacks, then it exits 1 naming the ones it has', async () => {
    const started = run('subgraphs/main.ts', { DATA_DIR: dataDir }, ['kemendikbud']);

    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('Unknown subgraph "kemendikbud"; the registry has dtks, regsosek, p3ke, kemendes, bpjs, changes, dtsen (usage: subgraphs/main.ts <name>, or SUBGRAPH=<name>)');
  });
});
