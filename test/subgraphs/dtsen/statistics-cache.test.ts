import { createStatisticsCache } from '../../../subgraphs/dtsen/statistics-cache';
import type { IndexInfo } from '../../../resolution/index-status';
import type { Statistics } from '../../../resolution/statistics';

const CURRENT: IndexInfo = { runId: 7, ruleSet: '2025', evaluationDate: '2026-01-15', finishedAt: '2026-01-15T00:00:00Z', families: 10, current: true, running: null };
const JAKARTA_UTARA = { regionPrefix: '3172', scope: null, digits: 6 };

/** A store whose every read (and build of the answer) is counted and answers a new object. */
function countingStore() {
  let reads = 0;
  return { read: async () => ({ read: ++reads }) as unknown as Statistics, reads: () => reads };
}

describe('statistics of the index, kept between requests', () => {
  it('when a finished, current index is asked the same question twice, at once and later, then the store is read once', async () => {
    const ask = createStatisticsCache();
    const store = countingStore();

    const answers = await Promise.all([ask(CURRENT, JAKARTA_UTARA, store.read), ask(CURRENT, JAKARTA_UTARA, store.read)]);
    const later = await ask(CURRENT, JAKARTA_UTARA, store.read);

    expect({ answers, later, reads: store.reads() }).toEqual({ answers: [{ read: 1 }, { read: 1 }], later: { read: 1 }, reads: 1 });
  });

  it('when another run has finished, or the question differs by region, level or scope, then the store is read again', async () => {
    const ask = createStatisticsCache();
    const store = countingStore();

    await ask(CURRENT, JAKARTA_UTARA, store.read);
    await ask({ ...CURRENT, runId: 8 }, JAKARTA_UTARA, store.read);
    await ask(CURRENT, { ...JAKARTA_UTARA, regionPrefix: '3171' }, store.read);
    await ask(CURRENT, { ...JAKARTA_UTARA, digits: 10 }, store.read);
    await ask(CURRENT, { ...JAKARTA_UTARA, scope: ['3172'] }, store.read);

    expect(store.reads()).toBe(5);
  });

  it('when a run is under way or none has finished, then every question reads the store', async () => {
    const ask = createStatisticsCache();
    const store = countingStore();
    const underWay = { ...CURRENT, current: false, running: { runId: 8, startedAt: '2026-01-16T00:00:00Z', progressAt: null, familiesDone: 0, familiesTotal: 10 } };

    await ask(underWay, JAKARTA_UTARA, store.read);
    await ask(underWay, JAKARTA_UTARA, store.read);
    await ask({ ...CURRENT, runId: null, current: false }, JAKARTA_UTARA, store.read);

    expect(store.reads()).toBe(3);
  });

  it('when the index is not current only because a register imported since its run, then its answers are still kept: the run wrote them', async () => {
    const ask = createStatisticsCache();
    const store = countingStore();

    await ask({ ...CURRENT, current: false }, JAKARTA_UTARA, store.read);
    const later = await ask({ ...CURRENT, current: false }, JAKARTA_UTARA, store.read);

    expect({ later, reads: store.reads() }).toEqual({ later: { read: 1 }, reads: 1 });
  });

  it('when a read fails, then the next question reads the store again', async () => {
    const ask = createStatisticsCache();
    const store = countingStore();

    await expect(ask(CURRENT, JAKARTA_UTARA, () => Promise.reject(new Error('index store down')))).rejects.toThrow('index store down');
    const answer = await ask(CURRENT, JAKARTA_UTARA, store.read);

    expect(answer).toEqual({ read: 1 });
  });
});
