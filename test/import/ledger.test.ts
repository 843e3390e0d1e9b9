import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { exportGeneratedCsv } from '../../import/export-csv';
import { headerOf, rowsOf } from '../../common/import/format';
import { DTKS_FORMAT } from '../../subgraphs/dtks/import-format';
import { importFile } from '../../import/import-file';
import type { DtksFamilyRecord } from '../../subgraphs/dtks/records';
import { createTestStores, storeKinds, type TestStores } from '../support/stores';
import { byNoKK, EVALUATION_DATE, expectedStored, generated, readStore, SEED, temporaryDir } from './harness';

const FAMILIES = 400;
const NOW = new Date('2026-02-01T08:00:00.000Z');

function dtksFile(file: string, families: readonly DtksFamilyRecord[]): string {
  writeFileSync(file, stringify([headerOf(DTKS_FORMAT), ...families.flatMap((family) => rowsOf(DTKS_FORMAT, family))]));
  return file;
}

// The generated DTKS export, made once: each case imports a copy of it in a directory of its own.
let exportDir: ReturnType<typeof temporaryDir>;
beforeAll(async () => {
  exportDir = temporaryDir();
  await exportGeneratedCsv({ families: FAMILIES, seed: SEED, evaluationDate: EVALUATION_DATE, dir: exportDir.dir });
});
afterAll(() => exportDir.remove());

describe.each(storeKinds())('the import ledger and history on %s', (kind) => {
  let stores: TestStores;
  let temp: ReturnType<typeof temporaryDir>;
  let file: string;
  beforeEach(() => {
    stores = createTestStores(kind);
    temp = temporaryDir();
    file = path.join(temp.dir, 'dtks.csv');
    copyFileSync(path.join(exportDir.dir, 'dtks.csv'), file);
  });
  afterEach(async () => {
    temp.remove();
    await stores.remove();
  });

  const run = (options: { storeUrl?: string; rejectsFile?: string; maxBatches?: number } = {}) =>
    importFile({ register: 'dtks', file, storeUrl: stores.urls.dtks, today: EVALUATION_DATE, batchSize: 10, now: () => NOW, ...options });
  const snapshot = (url = stores.urls.dtks) =>
    readStore('dtks', url, async ({ families, imports }) => ({ families, ledger: await imports.ledger() }));

  it('when the same file is imported again, then nothing changes and the ledger says it was already imported', async () => {
    // Arrange
    const first = await run();
    const before = await snapshot();
    const rejects = readFileSync(first.rejectsFile, 'utf8');

    // Act
    const second = await run();

    // Assert
    expect(second).toEqual({ ...first, status: 'already-imported', seconds: expect.any(Number) });
    expect(await snapshot()).toEqual(before);
    expect(before.ledger).toEqual([
      {
        id: 1,
        register: 'dtks',
        fileName: 'dtks.csv',
        checksum: first.checksum,
        status: 'finished',
        startedAt: NOW.toISOString(),
        finishedAt: NOW.toISOString(),
        rowsIn: first.rowsIn,
        rowsStored: first.rowsStored,
        rowsRejected: first.rowsRejected,
        familiesWritten: first.familiesWritten,
        lastLine: first.rowsIn + 1,
        rejectsBytes: Buffer.byteLength(rejects),
      },
    ]);
    expect(readFileSync(first.rejectsFile, 'utf8')).toBe(rejects);
  });

  it('when an import stops after 3 batches and is run again, then it resumes after the last committed batch and ends as an uninterrupted import does', async () => {
    // Arrange: the same file imported in one go into another store, as the reference.
    const reference = createTestStores(kind);
    try {
      const whole = await run({ storeUrl: reference.urls.dtks, rejectsFile: path.join(temp.dir, 'whole.rejects.csv') });
      const interrupted = await run({ maxBatches: 3 });
      const afterStop = await snapshot();
      // A crash after the reject file was written but before the batch committed leaves rows the ledger does not count.
      appendFileSync(interrupted.rejectsFile, '999,uncommitted,"x"\n');

      // Act
      const resumed = await run();

      // Assert
      expect(interrupted).toEqual(expect.objectContaining({ status: 'interrupted', importId: 1 }));
      expect(afterStop.families).toHaveLength(interrupted.familiesWritten);
      expect(afterStop.ledger[0]).toEqual(expect.objectContaining({ status: 'running', rowsIn: interrupted.rowsIn, lastLine: expect.any(Number) }));
      expect(resumed).toEqual({
        ...whole,
        resumedAfterLine: afterStop.ledger[0]!.lastLine,
        rejectsFile: interrupted.rejectsFile,
        seconds: expect.any(Number),
      });
      expect(resumed.rowsIn).toBe(resumed.rowsStored + resumed.rowsRejected);
      expect(readFileSync(resumed.rejectsFile, 'utf8')).toBe(readFileSync(whole.rejectsFile, 'utf8'));
      const [resumedStore, wholeStore] = [await snapshot(), await snapshot(reference.urls.dtks)];
      expect(resumedStore.families).toEqual(wholeStore.families);
      expect(resumedStore.families).toEqual(byNoKK(expectedStored(generated(FAMILIES), 'dtks')));
      expect(resumedStore.ledger).toEqual(wholeStore.ledger.map((entry) => ({ ...entry, fileName: 'dtks.csv' })));
    } finally {
      await reference.remove();
    }
  });

  it('when a second file changes one family, keeps one and adds one, then only the changed one gets history, with its previous values', async () => {
    // Arrange
    const [a, b, d] = expectedStored(generated(40), 'dtks') as DtksFamilyRecord[];
    const changedA: DtksFamilyRecord = { ...a!, address: 'Jl. Baru No. 9', verificationStatus: 'REJECTED', members: a!.members.slice(0, 1) };
    await importFile({ register: 'dtks', file: dtksFile(path.join(temp.dir, 'v1.csv'), [a!, b!]), storeUrl: stores.urls.dtks, today: EVALUATION_DATE, now: () => NOW });
    const later = new Date('2026-03-01T09:30:00.000Z');

    // Act
    const report = await importFile({
      register: 'dtks',
      file: dtksFile(path.join(temp.dir, 'v2.csv'), [changedA, b!, d!]),
      storeUrl: stores.urls.dtks,
      today: EVALUATION_DATE,
      now: () => later,
    });

    // Assert
    expect(report).toEqual(expect.objectContaining({ status: 'finished', importId: 2, familiesWritten: 2, rowsRejected: 0 }));
    await readStore('dtks', stores.urls.dtks, async ({ families, imports }) => {
      expect(families).toEqual(byNoKK([changedA, b!, d!]));
      expect(await imports.familyHistory(a!.noKK)).toEqual([{ noKK: a!.noKK, changedAt: later.toISOString(), previous: a, importId: 2 }]);
      expect(await imports.familyHistory(b!.noKK)).toEqual([]);
      expect(await imports.familyHistory(d!.noKK)).toEqual([]);
    });
  });
});

// A batch whose COMMIT went through but whose answer was lost with its database node is run again
// (common/store/transient-errors.ts); the ledger says it is already there. The check is the same SQL on either store.
describe('a batch committed again after its first commit went through', () => {
  it('when a batch the ledger already records is committed again, then nothing is written again', async () => {
    // Arrange
    const stores = createTestStores('sqlite');
    const [a, b] = expectedStored(generated(40), 'dtks') as DtksFamilyRecord[];
    const progress = { rowsIn: a!.members.length + b!.members.length, rowsStored: a!.members.length + b!.members.length, rowsRejected: 0, lastLine: 9, rejectsBytes: 0 };
    try {
      // Act
      const outcome = await readStore('dtks', stores.urls.dtks, async ({ imports }) => {
        const entry = await imports.startImport({ register: 'dtks', fileName: 'dtks.csv', checksum: 'sha', startedAt: NOW.toISOString() });
        const first = await imports.commitBatch(entry.id, [a!, b!], progress, NOW.toISOString());
        const again = await imports.commitBatch(entry.id, [{ ...a!, address: 'Jl. Baru No. 9' }, b!], progress, NOW.toISOString());
        return { first, again, ledger: await imports.ledger(), history: await imports.familyHistory(a!.noKK) };
      });
      const stored = await readStore('dtks', stores.urls.dtks, async ({ families }) => families);

      // Assert
      expect(outcome).toEqual({
        first: 2,
        again: 0,
        ledger: [expect.objectContaining({ id: 1, status: 'running', familiesWritten: 2, ...progress })],
        history: [],
      });
      expect(stored).toEqual(byNoKK([a!, b!]));
    } finally {
      await stores.remove();
    }
  });
});
