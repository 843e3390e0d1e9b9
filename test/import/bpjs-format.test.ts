import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerOf, rowsOf } from '../../common/import/format';
import { importFile } from '../../import/import-file';
import { BPJS_FORMAT } from '../../subgraphs/bpjs/import-format';
import type { BpjsFamilyRecord } from '../../subgraphs/bpjs/records';
import { createTestStores, type TestStores } from '../support/stores';
import { EVALUATION_DATE, generated, readRejects, readStore, temporaryDir } from './harness';

const HEADER = headerOf(BPJS_FORMAT);
const line = (cells: readonly string[]): string => stringify([cells]).replace(/\n$/, '');
const [A, B] = generated(100).bpjs.filter((family) => family.members.length === 1) as [BpjsFamilyRecord, BpjsFamilyRecord];
const spoiled = (family: BpjsFamilyRecord, cells: Readonly<Record<string, string>>): string =>
  line((rowsOf(BPJS_FORMAT, family)[0] as string[]).map((cell, index) => cells[HEADER[index] as string] ?? cell));

describe("BPJS Kesehatan's CSV format", () => {
  let stores: TestStores;
  let temp: ReturnType<typeof temporaryDir>;
  beforeEach(() => {
    stores = createTestStores('sqlite');
    temp = temporaryDir();
  });
  afterEach(async () => {
    temp.remove();
    await stores.remove();
  });

  it.each([
    [{ enrolled: '1', status: 'ENDED' }, 'enrolled is 1 but status is ENDED (enrolled means ACTIVE or SUSPENDED)'],
    [{ segment: 'PBI_APBN', class: '1', status: 'ACTIVE', enrolled: '1' }, 'segment PBI_APBN is class 3, got class 1'],
    [{ since: '2013-12' }, 'since is before JKN began (2014-01): 2013-12'],
  ])("when an enrolment breaks one of BPJS's own rules (%j), then its family is rejected saying why and the other is stored", async (cells, reason) => {
    const file = path.join(temp.dir, 'bpjs.csv');
    const bad = spoiled(B, cells);
    writeFileSync(file, [line(HEADER), ...rowsOf(BPJS_FORMAT, A).map(line), bad].join('\n'));

    const report = await importFile({ register: 'bpjs', file, storeUrl: stores.urls.bpjs, today: EVALUATION_DATE, batchSize: 10 });

    expect(readRejects(report.rejectsFile)).toEqual([['3', expect.stringContaining(reason), bad]]);
    await readStore('bpjs', stores.urls.bpjs, async ({ families }) => expect(families).toEqual([A]));
  });
});
