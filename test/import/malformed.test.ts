import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DTKS_FORMAT } from '../../subgraphs/dtks/import-format';
import { headerOf, rowsOf } from '../../common/import/format';
import { ImportRefused, importFile, type ImportReport } from '../../import/import-file';
import type { DtksFamilyRecord } from '../../subgraphs/dtks/records';
import { createTestStores, storeKinds, type TestStores } from '../support/stores';
import { byNoKK, EVALUATION_DATE, expectedStored, generated, readRejects, readStore, temporaryDir } from './harness';

const HEADER = headerOf(DTKS_FORMAT);
const column = (name: string): number => HEADER.indexOf(name);
/** Three valid DTKS families of at least two members: A and C stay good, B is the one spoiled. */
const [A, B, C] = (expectedStored(generated(200), 'dtks') as DtksFamilyRecord[]).filter((family) => family.members.length >= 2).slice(0, 3) as [
  DtksFamilyRecord,
  DtksFamilyRecord,
  DtksFamilyRecord,
];
const line = (cells: readonly string[]): string => stringify([cells]).replace(/\n$/, '');
const rows = (family: DtksFamilyRecord): string[][] => rowsOf(DTKS_FORMAT, family);
const withCell = (cells: readonly string[], name: string, value: string): string[] => cells.map((cell, index) => (index === column(name) ? value : cell));

/** Header on line 1, A's rows from line 2, then B's, then C's. */
function fileLines(spoiledB: readonly string[]): string[] {
  return [line(HEADER), ...rows(A).map(line), ...spoiledB, ...rows(C).map(line)];
}
const firstLineOfB = 2 + A.members.length;

describe.each(storeKinds())('importing a malformed DTKS file on %s', (kind) => {
  let stores: TestStores;
  let temp: ReturnType<typeof temporaryDir>;
  beforeEach(() => {
    stores = createTestStores(kind);
    temp = temporaryDir();
  });
  afterEach(async () => {
    temp.remove();
    await stores.remove();
  });

  const run = (content: string | Buffer, batchSize = 2): Promise<ImportReport> => {
    const file = path.join(temp.dir, 'dtks.csv');
    writeFileSync(file, content);
    return importFile({ register: 'dtks', file, storeUrl: stores.urls.dtks, today: EVALUATION_DATE, batchSize });
  };
  const stored = () => readStore('dtks', stores.urls.dtks, async ({ families }) => families);

  /** B rejected whole: `reasons` by row of B (null: rejected for the family's bad row at `badLine`). */
  async function expectOnlyBRejected(report: ImportReport, bLines: readonly string[], reasons: readonly (string | null)[], badLine: number): Promise<void> {
    const total = A.members.length + bLines.length + C.members.length;
    expect(report).toEqual(
      expect.objectContaining({ status: 'finished', rowsIn: total, rowsStored: A.members.length + C.members.length, rowsRejected: bLines.length, familiesWritten: 2 }),
    );
    expect(report.rowsIn).toBe(report.rowsStored + report.rowsRejected);
    expect(readRejects(report.rejectsFile)).toEqual(
      bLines.map((original, index) => [
        String(firstLineOfB + index),
        reasons[index] ?? `family ${B.noKK} is rejected for its row at line ${badLine}`,
        original,
      ]),
    );
    expect(await stored()).toEqual(byNoKK([A, C]));
  }

  it('when a field holds bytes that are not UTF-8, then its row is rejected as not UTF-8 and its family with it', async () => {
    const [first, second, ...others] = rows(B).map(line);
    const text = fileLines([first!, second!.replace(B.members[1]!.name, 'BAD_NAME'), ...others]).join('\n') + '\n';
    const [before, after] = text.split('BAD_NAME') as [string, string];
    const report = await run(Buffer.concat([Buffer.from(before), Buffer.from([0x53, 0xff, 0xfe, 0x69]), Buffer.from(after)]));
    const bLines = [first!, second!.replace(B.members[1]!.name, 'S\uFFFD\uFFFDi'), ...others];
    await expectOnlyBRejected(report, bLines, [null, `field ${column('name') + 1} is not valid UTF-8`], firstLineOfB + 1);
  });

  it('when a line is truncated, then it is rejected for its field count and its family with it', async () => {
    const bLines = rows(B).map(line);
    bLines[0] = bLines[0]!.slice(0, 60);
    const report = await run(fileLines(bLines).join('\n') + '\n');
    await expectOnlyBRejected(report, bLines, [`expected ${HEADER.length} fields, got ${bLines[0].split(',').length} (a truncated or joined line?)`], firstLineOfB);
  });

  it.each([
    ['relationship', '9', 'relationship must be from 1 to 8, got 9'],
    ['sex', 'X', 'sex must be one of MALE, FEMALE, got "X"'],
    ['birth_date', '2001-02-30', 'birth_date must be a date as YYYY-MM-DD, got "2001-02-30"'],
    ['birth_date', '2030-01-01', 'birth_date is in the future: 2030-01-01'],
    ['nik', '3171010000000000', 'nik is not a valid NIK (no such birth date (digits 7-12)): "3171010000000000"'],
    ['rt', '12', 'rt must be 3 digits, got "12"'],
  ])('when a member has an invalid %s (%s), then its row is rejected with the reason and its family with it', async (name, value, reason) => {
    const bLines = rows(B).map(line);
    bLines[1] = line(withCell(rows(B)[1]!, name, value));
    if (name === 'rt') bLines.forEach((_, index) => (bLines[index] = line(withCell(rows(B)[index]!, name, value))));
    const report = await run(fileLines(bLines).join('\n') + '\n');
    const reasons = name === 'rt' ? bLines.map(() => reason) : [null, reason];
    await expectOnlyBRejected(report, bLines, reasons, name === 'rt' ? firstLineOfB : firstLineOfB + 1);
  });

  it.each([
    ['region_code', '3171999999', 'region_code is not a village Kemendagri lists: 3171999999'],
    ['no_kk', '9971010101010001', 'no_kk has an unknown region prefix 997101'],
    ['verification_status', 'MAYBE', 'verification_status must be one of VERIFIED, UNVERIFIED, REJECTED, got "MAYBE"'],
    ['receipts', 'PKH:2020-01-01:ACTIVE:FLYING', 'receipts must be one of PREGNANT, EARLY_CHILDHOOD, PUPIL_SD, PUPIL_SMP, PUPIL_SMA, SEVERE_DISABILITY, ELDERLY, got "FLYING"'],
  ])('when a family field %s is invalid (%s) on all its rows, then every row is rejected with the reason', async (name, value, reason) => {
    const bLines = rows(B).map((cells) => line(withCell(cells, name, value)));
    const report = await run(fileLines(bLines).join('\n') + '\n');
    await expectOnlyBRejected(report, bLines, bLines.map(() => reason), firstLineOfB);
  });

  it('when a field is huge, then its row is rejected for its length (the column cap and the general cap)', async () => {
    const bLines = rows(B).map(line);
    bLines[0] = line(withCell(rows(B)[0]!, 'name', 'N'.repeat(150)));
    bLines[1] = line(withCell(rows(B)[1]!, 'name', 'N'.repeat(5_000)));
    const report = await run(fileLines(bLines).join('\n') + '\n');
    await expectOnlyBRejected(report, bLines, ['name is longer than 100 characters (150)', `field ${column('name') + 1} is longer than 1000 characters (5000)`], firstLineOfB);
  });

  it('when a NIK is listed twice in one family, then the second row is rejected as a duplicate and the family with it', async () => {
    const bLines = rows(B).map(line);
    bLines[1] = line(withCell(rows(B)[1]!, 'nik', B.members[0]!.nik));
    const report = await run(fileLines(bLines).join('\n') + '\n');
    const reason = `NIK ${B.members[0]!.nik} is listed twice in family ${B.noKK} (lines ${firstLineOfB} and ${firstLineOfB + 1})`;
    await expectOnlyBRejected(report, bLines, [null, reason], firstLineOfB + 1);
  });

  it('when the rows of one family disagree on a family field, then the disagreeing row is rejected and the family with it', async () => {
    const bLines = rows(B).map(line);
    bLines[1] = line(withCell(rows(B)[1]!, 'address', 'Jl. Lain No. 1'));
    const report = await run(fileLines(bLines).join('\n') + '\n');
    await expectOnlyBRejected(report, bLines, [null, `family fields of ${B.noKK} differ from its row at line ${firstLineOfB}`], firstLineOfB + 1);
  });

  it('when a family rows are split by another family, then the later rows are rejected as split and the earlier ones stored', async () => {
    const aRows = rows(A).map(line);
    const bRows = rows(B).map(line);
    const lines = [line(HEADER), aRows[0]!, ...bRows, ...aRows.slice(1)];
    const report = await run(lines.join('\n') + '\n');
    const splitLines = aRows.slice(1);
    const firstSplit = 2 + 1 + bRows.length;
    expect(report).toEqual(expect.objectContaining({ status: 'finished', rowsIn: lines.length - 1, rowsStored: 1 + bRows.length, rowsRejected: splitLines.length }));
    expect(readRejects(report.rejectsFile)).toEqual(
      splitLines.map((original, index) => [String(firstSplit + index), `family ${A.noKK} is split: its rows must be consecutive, and they also start at line 2`, original]),
    );
    expect(await stored()).toEqual(byNoKK([{ ...A, members: A.members.slice(0, 1) }, B]));
  });

  it('when the header lacks a column and has an unknown one, then the whole file is refused naming both, and nothing is recorded', async () => {
    const header = HEADER.map((name) => (name === 'receipts' ? 'bantuan' : name));
    const promise = run([line(header), ...rows(A).map(line)].join('\n') + '\n');
    await expect(promise).rejects.toThrow(new ImportRefused(`The header does not match the dtks format (missing receipts; unexpected bantuan); expected: ${HEADER.join(',')}`));
    await readStore('dtks', stores.urls.dtks, async ({ families, imports }) => {
      expect({ families, ledger: await imports.ledger() }).toEqual({ families: [], ledger: [] });
    });
  });

  it('when the header is not UTF-8, then the whole file is refused as not UTF-8', async () => {
    const content = Buffer.concat([Buffer.from([0xff]), Buffer.from([line(HEADER), ...rows(A).map(line)].join('\n') + '\n')]);
    await expect(run(content)).rejects.toThrow(new ImportRefused('The header line is not valid UTF-8; the file must be UTF-8'));
  });

  it('when the file is empty, then it is refused for lacking a header', async () => {
    await expect(run('')).rejects.toThrow(new ImportRefused('The file is empty: it needs a header line'));
  });

  it('when a quote is never closed, then the import stops naming the row where it starts, keeping the batches committed before it', async () => {
    const cRows = rows(C).map(line);
    const lines = fileLines(rows(B).map(line)).slice(0, -cRows.length);
    const badLine = lines.length + 1;
    const lastLine = badLine + cRows.length - 1;
    const content = [...lines, `"${cRows[0]!}`, ...cRows.slice(1)].join('\n') + '\n';
    await expect(run(content, 1)).rejects.toThrow(
      new ImportRefused(`The file is not valid CSV in the row starting at line ${badLine}: Quote Not Closed: the parsing is finished with an opening quote at line ${lastLine}; the import stopped there`),
    );
    expect(await stored()).toEqual([A]);
  });
});
