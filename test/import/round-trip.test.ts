import path from 'node:path';
import { REGISTERS } from '../../common/store-url';
import { exportGeneratedCsv } from '../../import/export-csv';
import { importFile } from '../../import/import-file';
import { createTestStores, storeKinds } from '../support/stores';
import { byNoKK, EVALUATION_DATE, expectedStored, generated, readRejects, readStore, SEED, temporaryDir } from './harness';

const FAMILIES = 300;

describe.each(storeKinds())('importing the generator export on %s', (kind) => {
  it.each(REGISTERS)('when the %s export is imported, then the store holds exactly the generated families, and only the invalid-NIK families are rejected', async (register) => {
    // Arrange
    const stores = createTestStores(kind);
    const temp = temporaryDir();
    try {
      const exported = await exportGeneratedCsv({ families: FAMILIES, seed: SEED, evaluationDate: EVALUATION_DATE, dir: temp.dir });
      const batch = generated(FAMILIES);
      const expected = expectedStored(batch, register);
      const expectedRows = expected.reduce((sum, family) => sum + family.members.length, 0);

      // Act
      const report = await importFile({ register, file: path.join(temp.dir, `${register}.csv`), storeUrl: stores.urls[register], batchSize: 40, today: EVALUATION_DATE });

      // Assert
      expect(report).toEqual({
        status: 'finished',
        importId: 1,
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
        resumedAfterLine: null,
        rowsIn: exported[register].rows,
        rowsStored: expectedRows,
        rowsRejected: exported[register].rows - expectedRows,
        familiesWritten: expected.length,
        rejectsFile: path.join(temp.dir, `${register}.csv.rejects.csv`),
        seconds: expect.any(Number),
      });
      expect(report.rowsIn).toBe(report.rowsStored + report.rowsRejected);
      const rejectReasons = new Set(readRejects(report.rejectsFile).map(([, reason]) => reason?.replace(/\d{6,}/g, '#').replace(/line \d+/g, 'line n')));
      expect([...rejectReasons].every((reason) => /^nik is not a valid NIK|^family # is rejected for its row at line n$/.test(reason ?? ''))).toBe(true);
      await readStore(register, stores.urls[register], async ({ families }) => {
        expect(families).toEqual(byNoKK(expected));
      });
    } finally {
      temp.remove();
      await stores.remove();
    }
  });
});
