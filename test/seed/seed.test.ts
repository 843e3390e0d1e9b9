import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeStore } from '../../common/store/open-store';
import type { Register } from '../../common/store-url';
import { generateBatch } from '../../seed/generator';
import { seedStores, StoresNotEmptyError, storesHaveData } from '../../seed/seed';
import { createDtksRepository } from '../../subgraphs/dtks/repository';
import { createBpjsRepository } from '../../subgraphs/bpjs/repository';
import { createP3keRepository } from '../../subgraphs/p3ke/repository';
import { createRegsosekRepository } from '../../subgraphs/regsosek/repository';
import { openStoreOf } from '../support/subgraph-stores';

const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const FAMILIES = 301;

let folder: string;
let stores: Record<Register, string>;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'dtsen-seed-'));
  stores = { dtks: `sqlite:${folder}/dtks.sqlite`, regsosek: `sqlite:${folder}/regsosek.sqlite`, p3ke: `sqlite:${folder}/p3ke.sqlite`, kemendes: `sqlite:${folder}/kemendes.sqlite`, bpjs: `sqlite:${folder}/bpjs.sqlite` };
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function readBack(noKKs: { dtks: string[]; regsosek: string[]; p3ke: string[]; bpjs: string[] }) {
  const [dtks, regsosek, p3ke, bpjs] = await Promise.all([
    openStoreOf('dtks')(stores.dtks),
    openStoreOf('regsosek')(stores.regsosek),
    openStoreOf('p3ke')(stores.p3ke),
    openStoreOf('bpjs')(stores.bpjs),
  ]);
  try {
    return {
      counts: {
        dtks: await createDtksRepository(dtks).countFamilies(),
        regsosek: await createRegsosekRepository(regsosek).countFamilies(),
        p3ke: await createP3keRepository(p3ke).countFamilies(),
        bpjs: await createBpjsRepository(bpjs).countFamilies(),
      },
      dtks: await createDtksRepository(dtks).familiesByNoKK(noKKs.dtks),
      regsosek: await createRegsosekRepository(regsosek).familiesByNoKK(noKKs.regsosek),
      p3ke: await createP3keRepository(p3ke).familiesByNoKK(noKKs.p3ke),
      bpjs: await createBpjsRepository(bpjs).familiesByNoKK(noKKs.bpjs),
    };
  } finally {
    await Promise.all([closeStore(dtks), closeStore(regsosek), closeStore(p3ke), closeStore(bpjs)]);
  }
}

describe('seedStores', () => {
  it('when empty SQLite stores are seeded, then they hold exactly the generated families and the report counts them', async () => {
    const progress: number[] = [];
    const expected = generateBatch({ seed: 4, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE });
    const members = (records: readonly { members: readonly unknown[] }[]) => records.reduce((sum, record) => sum + record.members.length, 0);

    const report = await seedStores({
      families: FAMILIES,
      seed: 4,
      batchSize: 100,
      evaluationDate: EVALUATION_DATE,
      stores,
      truthFile: path.join(folder, 'truth', 'truth.jsonl'),
      onProgress: (done) => progress.push(done),
    });

    expect({ ...report, seconds: 0, familiesPerSecond: 0 }).toEqual({
      families: FAMILIES,
      persons: expected.persons,
      registers: {
        dtks: { families: expected.dtks.length, members: members(expected.dtks) },
        regsosek: { families: expected.regsosek.length, members: members(expected.regsosek) },
        p3ke: { families: expected.p3ke.length, members: members(expected.p3ke) },
        // DKI Jakarta has no desa, so no BLT Dana Desa (test/seed/other-region.test.ts seeds one).
        kemendes: { families: 0, members: 0 },
        bpjs: { families: expected.bpjs.length, members: members(expected.bpjs) },
      },
      truthLines: expected.truth.length,
      seconds: 0,
      familiesPerSecond: 0,
    });
    expect(progress).toEqual([0, 100, 200, 300, 301]);
    const stored = await readBack({
      dtks: expected.dtks.map((family) => family.noKK),
      regsosek: expected.regsosek.map((family) => family.noKK),
      p3ke: expected.p3ke.map((family) => family.noKK),
      bpjs: expected.bpjs.map((family) => family.noKK),
    });
    expect(stored).toEqual({
      counts: { dtks: expected.dtks.length, regsosek: expected.regsosek.length, p3ke: expected.p3ke.length, bpjs: expected.bpjs.length },
      dtks: expected.dtks,
      regsosek: expected.regsosek,
      p3ke: expected.p3ke,
      bpjs: expected.bpjs,
    });
  });

  it('when a truth file is asked for, then it holds one JSON line per household, as generated', async () => {
    const truthFile = path.join(folder, 'truth.jsonl');
    const expected = generateBatch({ seed: 4, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE });

    await seedStores({ families: FAMILIES, seed: 4, batchSize: 64, evaluationDate: EVALUATION_DATE, stores, truthFile });

    const lines = readFileSync(truthFile, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(expected.truth);
  });

  it('when the stores already hold families, then seeding refuses and leaves them as they were', async () => {
    await seedStores({ families: 20, seed: 1, evaluationDate: EVALUATION_DATE, stores });
    const before = await readBack({ dtks: [], regsosek: [], p3ke: [], bpjs: [] });

    const second = seedStores({ families: 20, seed: 2, evaluationDate: EVALUATION_DATE, stores });

    await expect(second).rejects.toBeInstanceOf(StoresNotEmptyError);
    await expect(second).rejects.toThrow(
      `The stores already hold data (dtks: ${before.counts.dtks} families, regsosek: ${before.counts.regsosek} families, ` +
        `p3ke: ${before.counts.p3ke} families, bpjs: ${before.counts.bpjs} families); seed into empty stores (remove the SQLite files or drop the databases first)`,
    );
    expect(await readBack({ dtks: [], regsosek: [], p3ke: [], bpjs: [] })).toEqual(before);
  });

  it('when storesHaveData is asked before and after seeding, then it answers false, then true', async () => {
    const before = await storesHaveData(stores);
    await seedStores({ families: 10, seed: 1, evaluationDate: EVALUATION_DATE, stores });

    expect([before, await storesHaveData(stores)]).toEqual([false, true]);
  });

  it('when the options are out of range, then it rejects before opening any store', async () => {
    await expect(seedStores({ families: 0, seed: 1, evaluationDate: EVALUATION_DATE, stores })).rejects.toThrow(RangeError);
    await expect(seedStores({ families: 10, seed: 1, batchSize: 0, evaluationDate: EVALUATION_DATE, stores })).rejects.toThrow(RangeError);
    expect(readdirSync(folder)).toEqual([]);
  });
});
