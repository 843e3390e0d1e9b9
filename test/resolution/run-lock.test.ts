import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import { createIndexRepository, type IndexRepository } from '../../resolution/repository';
import { ResolutionInProgressError, runResolution, type RunInProgress } from '../../resolution/run';
import { ResolutionLockEntity } from '../../resolution/run-lock';
import { openIndexStore } from '../../resolution/store';
import { storeKinds } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE, generatedWorld } from './generated-world';
import { createTestIndexStore, type TestIndexStore } from './index-store';

// Twenty families: each run still lists several pages of 20 (one per register at least), so the
// first holds the index across its progress reports.
const world = generatedWorld(20);

/** Two processes' views of one index: each its own connection, as `npm start` and `npm run resolve` have. */
interface TwoProcesses {
  readonly first: IndexRepository;
  readonly second: IndexRepository;
  readonly firstSource: DataSource;
}

// One system for both kinds of index: the runs write to an index store of their own, never the system's.
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE });
});
afterAll(() => system.stop());

describe.each(storeKinds())('a second resolution run while one fills the index (%s)', (kind) => {
  let indexStore: TestIndexStore;
  let sources: DataSource[];
  let processes: TwoProcesses;

  beforeEach(async () => {
    indexStore = createTestIndexStore(kind);
    sources = [await openIndexStore(indexStore.url), await openIndexStore(indexStore.url)];
    const [firstSource, secondSource] = sources as [DataSource, DataSource];
    processes = { first: createIndexRepository(firstSource), second: createIndexRepository(secondSource), firstSource };
  });
  afterEach(async () => {
    for (const source of sources) await closeStore(source);
    await indexStore.remove();
  });

  const run = (index: IndexRepository, extra: Partial<Parameters<typeof runResolution>[0]> = {}) =>
    runResolution({ index, gatewayUrl: system.gatewayUrl, gatewayToken: system.indexerToken, pageSize: 20, concurrency: 1, ...extra });

  it('when a second run starts while the first is filling the index, then it is refused at once naming the first, changes nothing, and the first finishes', async () => {
    let second: Promise<unknown> | undefined;
    const first = await run(processes.first, {
      onProgress: () => {
        second ??= run(processes.second).then(
          () => null,
          (error: unknown) => error,
        );
      },
    });
    const refusal = await second;

    const inProgress = (refusal as ResolutionInProgressError).inProgress;
    expect({
      refusal: refusal instanceof ResolutionInProgressError,
      inProgress: { ...inProgress, acquiredAt: typeof inProgress.acquiredAt },
      message: (refusal as Error).message,
      first: { finished: first.finished, families: first.families },
      runs: (await processes.first.runs()).map((stored) => stored.id),
    }).toEqual({
      refusal: true,
      inProgress: {
        holder: `pid ${process.pid} on ${hostname()}`,
        acquiredAt: 'string',
        runId: first.runId,
        familiesDone: inProgress.familiesDone,
        familiesTotal: world.dtks.length + world.regsosek.length + world.p3ke.length,
      },
      message:
        `Another resolution run is filling the index: run ${first.runId}, started ${inProgress.acquiredAt} by pid ${process.pid} on ${hostname()}, ` +
        `${inProgress.familiesDone} of ${inProgress.familiesTotal} register records done. This run changed nothing; wait for that one to end (npm run resolve -- --wait waits for it), or stop it.`,
      first: { finished: true, families: world.truth.length },
      runs: [first.runId],
    });
  });

  it('when the first run has ended, then the next run proceeds', async () => {
    const first = await run(processes.first);
    const next = await run(processes.second);

    expect({ first: first.finished, next: next.finished, runs: (await processes.second.runs()).length }).toEqual({ first: true, next: true, runs: 2 });
  });

  it('when the run holding the index died (its lease expired), then the next run takes the index over', async () => {
    const past = new Date(Date.now() - 1_000).toISOString();
    await processes.firstSource.getRepository(ResolutionLockEntity).update({ id: 1 }, { holder: 'pid 999 on gone-host (deadbeef)', acquiredAt: past, leaseUntil: past, runId: null });

    const next = await run(processes.second);

    expect({ finished: next.finished, families: next.families }).toEqual({ finished: true, families: world.truth.length });
  });

  it('when a run is asked to wait, then it waits while the index is held and starts once the hold lapses', async () => {
    const now = Date.now();
    await processes.firstSource
      .getRepository(ResolutionLockEntity)
      .update({ id: 1 }, { holder: 'pid 999 on other-host (deadbeef)', acquiredAt: new Date(now).toISOString(), leaseUntil: new Date(now + 600).toISOString(), runId: null });
    const waited: RunInProgress[] = [];

    const next = await run(processes.second, { wait: true, waitPollMs: 100, onWaiting: (holder) => waited.push(holder) });

    expect({ finished: next.finished, waitedFor: [...new Set(waited.map((holder) => holder.holder))], waitedAtLeastOnce: waited.length > 0 }).toEqual({
      finished: true,
      waitedFor: ['pid 999 on other-host'],
      waitedAtLeastOnce: true,
    });
  });
});
