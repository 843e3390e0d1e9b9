import path from 'node:path';
import { readFileSync } from 'node:fs';
import { exportGeneratedCsv } from '../../import/export-csv';
import { importFile } from '../../import/import-file';
import { generateBatch } from '../../seed/generator';
import { createTestStores, storeKinds } from '../support/stores';
import { byNoKK, EVALUATION_DATE, readRejects, readStore, SEED, temporaryDir, writeText } from './harness';

// BLT Dana Desa exists only in desa, and DKI Jakarta (the default region) has none: the Kemendes
// import is exercised on families of Nusa Tenggara Timur (53).
const FAMILIES = 300;
const REGION = '53';
const ntt = generateBatch({ seed: SEED, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE, runFamilies: FAMILIES, region: REGION });

describe.each(storeKinds())('importing Kemendes BLT Dana Desa receipts on %s', (kind) => {
  it('when the generated Nusa Tenggara Timur export is imported, then the store holds exactly the generated receipts and nothing is rejected', async () => {
    const stores = createTestStores(kind);
    const temp = temporaryDir();
    try {
      const exported = await exportGeneratedCsv({ families: FAMILIES, seed: SEED, evaluationDate: EVALUATION_DATE, dir: temp.dir, region: REGION });
      const file = path.join(temp.dir, 'kemendes.csv');

      const report = await importFile({ register: 'kemendes', file, storeUrl: stores.urls.kemendes, batchSize: 40, today: EVALUATION_DATE });

      expect({ report, header: readFileSync(file, 'utf8').split('\n')[0] }).toEqual({
        report: {
          status: 'finished',
          importId: 1,
          checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
          resumedAfterLine: null,
          rowsIn: ntt.kemendes.length,
          rowsStored: ntt.kemendes.length,
          rowsRejected: 0,
          familiesWritten: ntt.kemendes.length,
          rejectsFile: `${file}.rejects.csv`,
          seconds: expect.any(Number),
        },
        header: 'no_kk,region_code,address,rt,rw,since,status,monthly_amount,nik,name,sex,birth_date,relationship',
      });
      expect(exported['kemendes']).toEqual({ file, families: ntt.kemendes.length, rows: ntt.kemendes.length });
      expect(ntt.kemendes.length).toBeGreaterThan(20);
      await readStore('kemendes', stores.urls.kemendes, async ({ families }) => {
        expect(families).toEqual(byNoKK(ntt.kemendes));
      });
    } finally {
      temp.remove();
      await stores.remove();
    }
  });

  it('when rows have a bad month, status or amount, then each is rejected naming its column and the good family is stored', async () => {
    const stores = createTestStores(kind);
    const temp = temporaryDir();
    try {
      const [good] = ntt.kemendes;
      if (!good) throw new Error('the generated region has no BLT Dana Desa receipt');
      const recipient = good.members[0];
      if (!recipient) throw new Error('a receipt without a recipient');
      const row = (since: string, status: string, amount: string, noKK = good.noKK) =>
        [noKK, good.regionCode, `"${good.address}"`, good.rt, good.rw, since, status, amount, recipient.nik, recipient.name, recipient.sex, recipient.birthDate, recipient.relationship].join(',');
      const file = writeText(path.join(temp.dir, 'kemendes.csv'), [
        'no_kk,region_code,address,rt,rw,since,status,monthly_amount,nik,name,sex,birth_date,relationship',
        row(good.since, good.status, String(good.monthlyAmount)),
        row('2019-12', 'ACTIVE', '300000', '5301010101010001'),
        row('2024-13', 'ACTIVE', '300000', '5301010101010002'),
        row('2024-01', 'PAID', '300000', '5301010101010003'),
        row('2024-01', 'ACTIVE', '0', '5301010101010004'),
      ]);

      const report = await importFile({ register: 'kemendes', file, storeUrl: stores.urls.kemendes, batchSize: 40, today: EVALUATION_DATE });

      expect({ stored: report.rowsStored, rejects: readRejects(report.rejectsFile).map(([line, reason]) => [line, reason]) }).toEqual({
        stored: 1,
        rejects: [
          ['3', 'since is before BLT Dana Desa began (2020-04): 2019-12'],
          ['4', 'since must be a month as YYYY-MM, got "2024-13"'],
          ['5', 'status must be one of ACTIVE, SUSPENDED, ENDED, got "PAID"'],
          ['6', 'monthly_amount must be from 1 to 10000000, got 0'],
        ],
      });
      await readStore('kemendes', stores.urls.kemendes, async ({ families }) => {
        expect(families).toEqual([good]);
      });
    } finally {
      temp.remove();
      await stores.remove();
    }
  });
});
