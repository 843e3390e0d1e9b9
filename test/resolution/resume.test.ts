import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import { createIndexRepository, type IndexRepository } from '../../resolution/repository';
import { runResolution } from '../../resolution/run';
import { openIndexStore } from '../../resolution/store';
import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE, generatedWorld } from './generated-world';
import { createTestIndexStore, type TestIndexStore } from './index-store';

const world = generatedWorld(30);
/** Six pages of Regsosek's listing: every interruption below falls within its pass. */
const PAGE = 5;
const knownFamilies = world.truth.length;
/** What the three listings hold together (a family two registers hold is listed twice). */
const listedFamilies = world.dtks.length + world.regsosek.length + world.p3ke.length;

async function issueKeys(index: IndexRepository): Promise<string[]> {
  const keys: string[] = [];
  for await (const issue of index.issueKeys()) keys.push(`${issue.noKK} ${issue.code} ${issue.nik ?? ''}`);
  return keys.sort();
}

describe('an interrupted resolution run (SQLite stores)', () => {
  let system: RunningSystem;
  let indexStore: TestIndexStore;
  let dataSource: DataSource;
  let index: IndexRepository;

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE });
  });
  beforeEach(async () => {
    indexStore = createTestIndexStore('sqlite');
    dataSource = await openIndexStore(indexStore.url);
    index = createIndexRepository(dataSource);
  });
  afterEach(async () => {
    await closeStore(dataSource);
    await indexStore.remove();
  });
  afterAll(() => system.stop());

  it('when a run stops after 2 pages, then it is left unfinished with those pages stored', async () => {
    const stopped = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE, concurrency: 1, maxPages: 2 });

    expect({
      finished: stopped.finished,
      stored: await index.countHouseholds(),
      unfinished: (await index.unfinishedRun())?.id,
      finishedRun: await index.lastFinishedRun(),
    }).toEqual({ finished: false, stored: 2 * PAGE, unfinished: stopped.runId, finishedRun: null });
  });

  it('when the next run starts, then it resumes the same run and stores every family exactly once', async () => {
    const stopped = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE, concurrency: 2, maxPages: 3 });

    const progress: [number, number][] = [];
    const resumed = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE, onProgress: (done, total) => progress.push([done, total]) });

    const runs = await index.runs();
    expect({
      progress: { first: progress[0]?.[0], last: progress[progress.length - 1] },
      resumed: resumed.resumed,
      sameRun: resumed.runId === stopped.runId,
      finished: resumed.finished,
      families: resumed.families,
      stored: await index.countHouseholds(),
      runs: runs.map((run) => ({ id: run.id, families: run.families, finished: run.finishedAt !== null })),
    }).toEqual({
      progress: { first: 3 * PAGE + PAGE, last: [listedFamilies, listedFamilies] },
      resumed: true,
      sameRun: true,
      finished: true,
      families: knownFamilies,
      stored: knownFamilies,
      runs: [{ id: stopped.runId, families: knownFamilies, finished: true }],
    });
  });

  it('when the resumed run redoes pages, then it stores the same issues as an uninterrupted run, none twice', async () => {
    const reference = createTestIndexStore('sqlite');
    const referenceSource = await openIndexStore(reference.url);
    const uninterrupted = createIndexRepository(referenceSource);
    await runResolution({ index: uninterrupted, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE });
    const expected = { issues: await issueKeys(uninterrupted), count: await uninterrupted.countIssues() };
    await closeStore(referenceSource);
    await reference.remove();

    await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE, concurrency: 3, maxPages: 4 });
    await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE });
    const afterResume = { issues: await issueKeys(index), count: await index.countIssues() };
    await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE });
    const afterAnotherRun = { issues: await issueKeys(index), count: await index.countIssues() };

    expect({ afterResume, afterAnotherRun }).toEqual({ afterResume: expected, afterAnotherRun: expected });
    expect(expected.count).toBeGreaterThan(0);
  });

  it('when a run is aborted, then it stops without an error and the next run finishes it', async () => {
    const abort = new AbortController();
    const stopped = await runResolution({
      index,
      gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken,
      pageSize: PAGE,
      concurrency: 1,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });

    const resumed = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE });

    expect({ stopped: stopped.finished, resumed: resumed.resumed, finished: resumed.finished, stored: await index.countHouseholds() }).toEqual({
      stopped: false,
      resumed: true,
      finished: true,
      stored: knownFamilies,
    });
  });

  it('when the stored cursors can no longer be opened (the signing secret was rotated), then the resumed run starts those passes again and stores every family once', async () => {
    const stopped = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE, concurrency: 1, maxPages: 2 });
    const [run] = await index.runs();
    const sealedByAnotherSecret = Buffer.alloc(60, 7).toString('base64url');
    await index.saveCursors(stopped.runId, JSON.stringify({ regsosek: { after: sealedByAnotherSecret, done: false, listed: 2 * PAGE } }));

    const resumed = await runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: PAGE });

    expect({ unfinishedBefore: run?.finishedAt, resumed: resumed.resumed, sameRun: resumed.runId === stopped.runId, finished: resumed.finished, stored: await index.countHouseholds() }).toEqual({
      unfinishedBefore: null,
      resumed: true,
      sameRun: true,
      finished: true,
      stored: knownFamilies,
    });
  });
});
