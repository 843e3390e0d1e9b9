import path from 'node:path';
import { REGISTERS } from '../../common/store-url';
import { exportGeneratedCsv } from '../../import/export-csv';
import { importFile } from '../../import/import-file';
import { createTestStores, storeKinds } from '../support/stores';
import { checkNik } from '../../common/identifiers';
import { type AnyFamily, byNoKK, EVALUATION_DATE, expectedStored, generated, readRejects, readStore, SEED, temporaryDir } from './harness';

const FAMILIES = 400;

/** Each row of the families not expected to be stored: the invalid NIK's row with its reason, the others for it. */
function expectedRejects(all: readonly AnyFamily[], stored: readonly AnyFamily[]): [number, string][] {
  const keep = new Set(stored);
  const rejects: [number, string][] = [];
  let line = 2;
  for (const family of all) {
    if (!keep.has(family)) {
      const invalidAt = family.members.findIndex((member) => !checkNik(member.nik, EVALUATION_DATE).valid);
      family.members.forEach((member, index) => {
        const problem = checkNik(member.nik, EVALUATION_DATE).problem;
        rejects.push([line + index, index === invalidAt ? `nik is not a valid NIK (${problem}): "${member.nik}"` : `family ${family.noKK} is rejected for its row at line ${line + invalidAt}`]);
      });
    }
    line += family.members.length;
  }
  return rejects;
}

// One export of the generated families for every case: each imports one register's file into a
// fresh store of its own (the file's rejects, written beside it, are read before the next import).
let exportDir: ReturnType<typeof temporaryDir>;
let exported: Awaited<ReturnType<typeof exportGeneratedCsv>>;
const batch = generated(FAMILIES);
beforeAll(async () => {
  exportDir = temporaryDir();
  exported = await exportGeneratedCsv({ families: FAMILIES, seed: SEED, evaluationDate: EVALUATION_DATE, dir: exportDir.dir });
});
afterAll(() => exportDir.remove());

describe.each(storeKinds())('importing the generator export on %s', (kind) => {
  // Kemendes lists no Jakarta family: test/import/kemendes-round-trip.test.ts imports one of Nusa Tenggara Timur.
  it.each(REGISTERS.filter((register) => register !== 'kemendes'))('when the %s export is imported, then the store holds exactly the generated families, and only the invalid-NIK families are rejected', async (register) => {
    // Arrange
    const stores = createTestStores(kind);
    try {
      const expected = expectedStored(batch, register);
      // BPJS is drawn after the defects are injected: it holds no invalid NIK, and none of its families is rejected.
      if (register !== 'bpjs') expect(expected.length).toBeLessThan(batch[register].length);
      const expectedRows = expected.reduce((sum, family) => sum + family.members.length, 0);

      // Act
      const report = await importFile({ register, file: path.join(exportDir.dir, `${register}.csv`), storeUrl: stores.urls[register], batchSize: 40, today: EVALUATION_DATE });

      // Assert
      expect(report).toEqual({
        status: 'finished',
        importId: 1,
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
        resumedAfterLine: null,
        rowsIn: exported[register]?.rows,
        rowsStored: expectedRows,
        rowsRejected: (exported[register]?.rows ?? 0) - expectedRows,
        familiesWritten: expected.length,
        rejectsFile: path.join(exportDir.dir, `${register}.csv.rejects.csv`),
        seconds: expect.any(Number),
      });
      expect(report.rowsIn).toBe(report.rowsStored + report.rowsRejected);
      expect(readRejects(report.rejectsFile).map(([line, reason]) => [Number(line), reason])).toEqual(expectedRejects(batch[register], expected));
      await readStore(register, stores.urls[register], async ({ families }) => {
        expect(families).toEqual(byNoKK(expected));
      });
    } finally {
      await stores.remove();
    }
  });
});
