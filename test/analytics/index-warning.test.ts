import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerOf, rowsOf } from '../../common/import/format';
import { importFile } from '../../import/import-file';
import { DTKS_FORMAT } from '../../subgraphs/dtks/import-format';
import type { DtksFamilyRecord } from '../../subgraphs/dtks/records';
import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { storeKinds } from '../support/stores';
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

describe.each(storeKinds())("the index status against the registers' imports, on %s", (store) => {
  const INDEX_QUERY = '{ households(first: 1) { index { current } } }';
  let system: RunningSystem;
  let dir: string;
  let runStartedAt: string;
  let runId: number;
  beforeAll(async () => {
    // Asked on every request, so each case sees the ledgers as its imports left them.
    system = await startSystem({ store, data: world, evaluationDate: EVALUATION_DATE, importStatesMaxAgeMs: 0 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'dtsen-index-imports-'));
    ({ runId } = await system.resolve());
    const [run] = (await system.indexSource.query('SELECT started_at FROM resolution_run WHERE id = ?', [runId])) as { started_at: string }[];
    runStartedAt = run?.started_at ?? '';
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await system.stop();
  });

  const family = world.dtks[0] as DtksFamilyRecord;
  function importDtks(name: string, families: readonly DtksFamilyRecord[], options: { at: Date; maxBatches?: number }) {
    const file = path.join(dir, name);
    writeFileSync(file, stringify([headerOf(DTKS_FORMAT), ...families.flatMap((record) => rowsOf(DTKS_FORMAT, record))]));
    return importFile({ register: 'dtks', file, storeUrl: system.storeUrls.dtks, today: EVALUATION_DATE, batchSize: 1, now: () => options.at, ...(options.maxBatches !== undefined && { maxBatches: options.maxBatches }) });
  }

  it('when DTKS imports a file after the run that changes no family, then the index is still current', async () => {
    await importDtks('unchanged.csv', [family], { at: new Date() });

    expect(await system.query(INDEX_QUERY)).toEqual({ status: 200, body: { data: { households: { index: { current: true } } } } });
  });

  it('when DTKS imports changed families after the run, then the index says INDEX_STALE, naming DTKS and when', async () => {
    const at = new Date();
    await importDtks('changed.csv', [{ ...family, address: `${family.address} (pindah RT)` }], { at });

    expect(await system.query(INDEX_QUERY)).toEqual({
      status: 200,
      body: {
        data: { households: { index: { current: false } } },
        extensions: {
          indexWarning: {
            code: 'INDEX_STALE',
            message: `The resolution index is not current: DTKS imported changed families at ${at.toISOString()}, after run ${runId} started at ${runStartedAt}. ${RESOLVE}`,
          },
        },
      },
    });
  });

  it('when an import into DTKS stopped halfway, then the index says so, a run does not clear it, and once the import is resumed a run does', async () => {
    const second = world.dtks[1] as DtksFamilyRecord;
    const families = [{ ...second, address: `${second.address} (pindah)` }, { ...family, address: `${family.address} (lagi)` }];
    await importDtks('halfway.csv', families, { at: new Date(), maxBatches: 1 });
    const halfway = await system.query(INDEX_QUERY);
    await system.resolve();
    const resolvedHalfway = await system.query(INDEX_QUERY);
    await importDtks('halfway.csv', families, { at: new Date() });
    await system.resolve();
    const resumedAndResolved = await system.query(INDEX_QUERY);

    const notFinished = { status: 200, body: { data: { households: { index: { current: false } } }, extensions: { indexWarning: { code: 'INDEX_STALE', message: `The resolution index is not current: an import into DTKS has not finished. ${RESOLVE}` } } } };
    expect({ halfway, resolvedHalfway, resumedAndResolved }).toEqual({
      halfway: notFinished,
      resolvedHalfway: notFinished,
      resumedAndResolved: { status: 200, body: { data: { households: { index: { current: true } } } } },
    });
  });
});
