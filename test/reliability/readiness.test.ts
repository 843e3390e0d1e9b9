import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeStore } from '../../common/store/open-store';
import { createDtksRepository } from '../../subgraphs/dtks/repository';
import { TEST_SIGNING_SECRET } from '../support/principals';
import { buildAppOf, openStoreOf } from '../support/subgraph-stores';

async function readiness(app: { listen: (port: number) => import('node:http').Server }): Promise<{ status: number; body: unknown }> {
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
    return { status: response.status, body: await response.json() };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the readiness of a register subgraph', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dtsen-ready-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when its store answers and every migration has run, then it is ready', async () => {
    const store = await openStoreOf('dtks')(`sqlite:${path.join(dir, 'dtks.sqlite')}`);
    const { app, stop } = await buildAppOf('dtks')({ repository: createDtksRepository(store), signingSecret: TEST_SIGNING_SECRET });

    const answer = await readiness(app);
    await stop();
    await closeStore(store);

    expect(answer).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('when a migration has not run, then it answers 503', async () => {
    const store = await openStoreOf('dtks')(`sqlite:${path.join(dir, 'dtks.sqlite')}`);
    await store.undoLastMigration();
    const { app, stop } = await buildAppOf('dtks')({ repository: createDtksRepository(store), signingSecret: TEST_SIGNING_SECRET });

    const answer = await readiness(app);
    await stop();
    await closeStore(store);

    expect(answer).toEqual({ status: 503, body: { status: 'unavailable' } });
  });

  it('when its store is closed, then it answers 503', async () => {
    const store = await openStoreOf('dtks')(`sqlite:${path.join(dir, 'dtks.sqlite')}`);
    const { app, stop } = await buildAppOf('dtks')({ repository: createDtksRepository(store), signingSecret: TEST_SIGNING_SECRET });
    await closeStore(store);

    const answer = await readiness(app);
    await stop();

    expect(answer).toEqual({ status: 503, body: { status: 'unavailable' } });
  });
});
