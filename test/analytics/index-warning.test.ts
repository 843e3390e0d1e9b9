import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { startSystem, type RunningSystem } from '../support/system';

const world = generatedWorld(20);
const families = world.truth.length;

const RESOLVE = 'Run `npm run resolve` with the system running to bring it up to date.';
const WAIT_OR_RESUME = 'A run under way brings it up to date when it finishes; `npm run resolve` resumes an interrupted one.';

describe('the index status in responses', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: world, evaluationDate: EVALUATION_DATE });
  }, 60_000);
  afterAll(() => system.stop());

  it('when the index was never filled, then households answers empty and says INDEX_MISSING in the extensions', async () => {
    const response = await system.query('{ households { totalCount nodes { noKK } index { runId families current } } }');

    expect(response).toEqual({
      status: 200,
      body: {
        data: { households: { totalCount: 0, nodes: [], index: { runId: null, families: 0, current: false } } },
        extensions: {
          indexWarning: { code: 'INDEX_MISSING', message: `The resolution index has no finished run, so answers from it are empty or partial. ${RESOLVE}` },
        },
      },
    });
  });

  it('when an operation does not read the index, then its response carries no warning', async () => {
    const response = await system.query('{ ruleSet { version } }');

    expect(response).toEqual({ status: 200, body: { data: { ruleSet: { version: '2025' } } } });
  });

  it('when a newer run has started and not finished, then statistics answer from the last finished run, show its progress and say INDEX_STALE', async () => {
    const finished = await system.resolve();
    const started = await system.index.startRun({ ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: '2026-11-29T00:00:00.000Z', cursors: '{}', familiesTotal: 40 });
    await system.index.saveProgress(started.id, { cursors: '{}', familiesDone: 17, familiesTotal: 41, progressAt: '2026-11-29T00:00:03.000Z' });

    const response = await system.query(
      '{ statistics(level: PROVINCE) { total { families } index { runId families current running { runId startedAt progressAt familiesDone familiesTotal } } } }',
    );

    const running = { runId: started.id, startedAt: '2026-11-29T00:00:00.000Z', progressAt: '2026-11-29T00:00:03.000Z', familiesDone: 17, familiesTotal: 41 };
    expect(response).toEqual({
      status: 200,
      body: {
        data: { statistics: { total: { families }, index: { runId: finished.runId, families, current: false, running } } },
        extensions: {
          indexWarning: {
            code: 'INDEX_STALE',
            message: `The resolution index is not current: resolution run ${started.id} started after run ${finished.runId} and has not finished (17 of 41 register records, last progress at 2026-11-29T00:00:03.000Z). ${WAIT_OR_RESUME}`,
          },
        },
      },
    });
  });
});
