import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import type { ResolvedHousehold } from '../../resolution/household';
import { createIndexQueryRepository } from '../../resolution/query-repository';
import { createIndexRepository, type IndexRepository } from '../../resolution/repository';
import { openIndexStore } from '../../resolution/store';
import { storeKinds } from '../support/stores';
import { createTestIndexStore, type TestIndexStore } from './index-store';

const eligibility = (benefits: Record<string, number>) =>
  ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'].map((program) => ({
    program,
    eligible: (benefits[program] ?? 0) > 0,
    estimatedAnnualBenefit: benefits[program] ?? 0,
    ruleSet: '2025',
  }));

const POOR: ResolvedHousehold = {
  noKK: '3172011506100001',
  sources: ['DTKS', 'REGSOSEK', 'P3KE'],
  persons: 4,
  region: { code: '3172011001' },
  desil: { value: 2, source: 'REGSOSEK', conflict: false },
  eligibility: eligibility({ PKH: 3_000_000, BPNT: 2_400_000, PBI_JK: 2_016_000 }),
  targeting: [
    { program: 'PKH', status: 'ON_TARGET' },
    { program: 'BPNT', status: 'ON_TARGET' },
    { program: 'PBI_JK', status: 'EXCLUSION_ERROR' },
    { program: 'PIP', status: 'NOT_TARGETED' },
    { program: 'BLT_DD', status: 'NOT_TARGETED' },
  ],
  dataQuality: [
    { code: 'DUPLICATE_NIK', sources: ['DTKS'], nik: '3172011203850001' },
    { code: 'DUPLICATE_NIK', sources: ['REGSOSEK'], nik: '3172011203850001' },
    { code: 'DESIL_CONFLICT', sources: ['REGSOSEK', 'P3KE'], nik: null },
  ],
};

const ORPHAN: ResolvedHousehold = {
  noKK: '3172012003150002',
  sources: ['DTKS', 'KEMENDES'],
  persons: 2,
  region: { code: '3172011002' },
  desil: null,
  eligibility: eligibility({}),
  targeting: [
    { program: 'PKH', status: 'NOT_TARGETED' },
    { program: 'BPNT', status: 'INCLUSION_ERROR' },
    { program: 'PBI_JK', status: 'NOT_TARGETED' },
    { program: 'PIP', status: 'NOT_TARGETED' },
    { program: 'BLT_DD', status: 'EXCLUSION_ERROR' },
  ],
  dataQuality: [{ code: 'MISSING_FROM_REGSOSEK', sources: ['DTKS'], nik: null }],
};

const RUN = { ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: '2026-11-28T01:00:00.000Z', cursors: '{}', period: null };
const NOTHING_DONE = { familiesDone: 0, familiesTotal: 0 };

describe.each(storeKinds())('the resolution index repository (%s)', (kind) => {
  let store: TestIndexStore;
  let dataSource: DataSource;
  let index: IndexRepository;

  beforeEach(async () => {
    store = createTestIndexStore(kind);
    dataSource = await openIndexStore(store.url);
    index = createIndexRepository(dataSource);
  });
  afterEach(async () => {
    await closeStore(dataSource);
    await store.remove();
  });

  it('when the migrations have run, then the tables are exactly what the entities describe', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('when households are saved, then each reads back as the gateway gave it', async () => {
    const run = await index.startRun(RUN);

    await index.saveHouseholds([POOR, ORPHAN], run.id, '2026-11-28T01:00:01.000Z');

    expect({ poor: await index.household(POOR.noKK), orphan: await index.household(ORPHAN.noKK), unknown: await index.household('3172019999990009') }).toEqual({
      poor: POOR,
      orphan: ORPHAN,
      unknown: null,
    });
  });

  it('when a household is saved again, then its row and issues are replaced, not duplicated', async () => {
    const run = await index.startRun(RUN);
    await index.saveHouseholds([POOR, ORPHAN], run.id, '2026-11-28T01:00:01.000Z');
    const changed: ResolvedHousehold = { ...POOR, dataQuality: [{ code: 'REGION_MISMATCH', sources: ['DTKS', 'REGSOSEK'], nik: null }] };

    await index.saveHouseholds([changed], run.id, '2026-11-28T01:00:02.000Z');

    const all: ResolvedHousehold[] = [];
    for await (const household of index.households(1)) all.push(household);
    const issues = [];
    for await (const issue of index.issueKeys(1)) issues.push(issue);
    expect({ all, issues: issues.sort((a, b) => a.noKK.localeCompare(b.noKK)) }).toEqual({
      all: [changed, ORPHAN],
      issues: [
        { noKK: POOR.noKK, code: 'REGION_MISMATCH', nik: null },
        { noKK: ORPHAN.noKK, code: 'MISSING_FROM_REGSOSEK', nik: null },
      ],
    });
  });

  it('when a run is started, then it is the unfinished run, with its cursors as saved', async () => {
    const run = await index.startRun(RUN);

    await index.saveCursors(run.id, '{"regsosek":{"after":"abc","done":false}}');

    expect({ unfinished: await index.unfinishedRun(), finished: await index.lastFinishedRun() }).toEqual({
      unfinished: {
        id: run.id,
        ...RUN,
        finishedAt: null,
        families: 0,
        cursors: '{"regsosek":{"after":"abc","done":false}}',
        ...NOTHING_DONE,
        progressAt: RUN.startedAt,
      },
      finished: null,
    });
  });

  it('when a run records its progress, then the gateway reads it on the unfinished run', async () => {
    const run = await index.startRun({ ...RUN, familiesTotal: 5042 });

    await index.saveProgress(run.id, { cursors: '{"regsosek":{"after":"abc","done":false}}', familiesDone: 2150, familiesTotal: 5050, progressAt: '2026-11-28T01:00:09.000Z' });

    expect(await createIndexQueryRepository(dataSource).runs()).toEqual({
      lastFinished: null,
      unfinished: {
        id: run.id,
        ...RUN,
        finishedAt: null,
        families: 0,
        cursors: '{"regsosek":{"after":"abc","done":false}}',
        familiesDone: 2150,
        familiesTotal: 5050,
        progressAt: '2026-11-28T01:00:09.000Z',
      },
    });
  });

  it('when a run finishes, then it records its families and households it did not resolve leave the index', async () => {
    const earlier = await index.startRun(RUN);
    await index.saveHouseholds([POOR, ORPHAN], earlier.id, '2026-11-28T01:00:01.000Z');
    await index.finishRun(earlier.id, '2026-11-28T01:00:05.000Z');
    const later = await index.startRun({ ...RUN, startedAt: '2026-11-29T01:00:00.000Z' });
    await index.saveHouseholds([POOR], later.id, '2026-11-29T01:00:01.000Z');

    const families = await index.finishRun(later.id, '2026-11-29T01:00:05.000Z');

    expect({ families, stored: await index.countHouseholds(), issues: await index.countIssues(), runs: await index.runs() }).toEqual({
      families: 1,
      stored: 1,
      issues: 3,
      runs: [
        { id: earlier.id, ...RUN, finishedAt: '2026-11-28T01:00:05.000Z', families: 2, cursors: '{}', ...NOTHING_DONE, progressAt: RUN.startedAt },
        {
          id: later.id,
          ...RUN,
          startedAt: '2026-11-29T01:00:00.000Z',
          finishedAt: '2026-11-29T01:00:05.000Z',
          families: 1,
          cursors: '{}',
          ...NOTHING_DONE,
          progressAt: '2026-11-29T01:00:00.000Z',
        },
      ],
    });
  });

  it('when the gateway reads the runs, then it gets the last finished one and the newest only while that one is unfinished', async () => {
    await index.startRun(RUN); // abandoned: older than the last finished run, so nothing to warn of
    const finished = await index.startRun({ ...RUN, startedAt: '2026-11-28T02:00:00.000Z' });
    await index.finishRun(finished.id, '2026-11-28T02:00:05.000Z');
    const gateway = createIndexQueryRepository(dataSource);
    const afterFinish = await gateway.runs();
    const underWay = await index.startRun({ ...RUN, startedAt: '2026-11-29T01:00:00.000Z' });

    const whileRunning = await gateway.runs();

    const finishedRow = {
      id: finished.id,
      ...RUN,
      startedAt: '2026-11-28T02:00:00.000Z',
      finishedAt: '2026-11-28T02:00:05.000Z',
      families: 0,
      cursors: '{}',
      ...NOTHING_DONE,
      progressAt: '2026-11-28T02:00:00.000Z',
    };
    expect({ afterFinish, whileRunning }).toEqual({
      afterFinish: { lastFinished: finishedRow, unfinished: null },
      whileRunning: {
        lastFinished: finishedRow,
        unfinished: { id: underWay.id, ...RUN, startedAt: '2026-11-29T01:00:00.000Z', finishedAt: null, families: 0, cursors: '{}', ...NOTHING_DONE, progressAt: '2026-11-29T01:00:00.000Z' },
      },
    });
  });
});
