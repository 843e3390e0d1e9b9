import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerOf, rowsOf } from '../../common/import/format';
import { importFile } from '../../import/import-file';
import { generateBatch } from '../../seed/generator';
import { KEMENDES_FORMAT } from '../../subgraphs/kemendes/import-format';
import type { KemendesFamilyRecord } from '../../subgraphs/kemendes/records';
import { storeKinds } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';

// BLT Dana Desa exists only in desa: families of Nusa Tenggara Timur (53), some of them in Kemendes.
const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const FAMILIES = 40;
const world = generateBatch({ seed: 36, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE, runFamilies: FAMILIES, region: '53' });
const inKemendes = new Set(world.kemendes.map((family) => family.noKK));
const listed = world.kemendes[0] as KemendesFamilyRecord;
const [notListed, alsoNotListed] = world.regsosek.filter((family) => !inKemendes.has(family.noKK)).map((family) => family.noKK) as [string, string];

const LOOK_UP = 'query ($noKK: String!) { household(noKK: $noKK) { noKK sources kemendes { status } targeting { program receiving } } }';

/** What Kemendes's store read for the request, without its import ledger (read for the index status and these references). */
const familyReads = (system: RunningSystem) => system.sql['kemendes']?.filter((sql) => !sql.includes('import_ledger')) ?? [];

describe.each(storeKinds())('Kemendes left out of a household it does not hold (%s stores)', (store) => {
  let system: RunningSystem;
  let dir: string;
  beforeAll(async () => {
    // The ledgers asked on every request, so each case sees them as its imports left them.
    system = await startSystem({ store, data: world, evaluationDate: EVALUATION_DATE, importStatesMaxAgeMs: 0, resolve: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'dtsen-references-'));
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await system.stop();
  });

  async function lookUp(noKK: string) {
    system.resetQueryLog();
    const answer = await system.query(LOOK_UP, { noKK });
    const household = (answer.body as { data: { household: { kemendes: unknown; targeting: { program: string; receiving: boolean }[] } } }).data.household;
    return { kemendes: household.kemendes, bltDd: household.targeting.find((entry) => entry.program === 'BLT_DD'), kemendesRead: familyReads(system).length > 0 };
  }

  it('when the index says Kemendes does not list the family and Kemendes imported nothing since the run, then the look-up does not ask Kemendes', async () => {
    expect(await lookUp(notListed)).toEqual({ kemendes: null, bltDd: { program: 'BLT_DD', receiving: false }, kemendesRead: false });
  });

  it('when Kemendes lists the family, then the look-up asks it and shows its receipt', async () => {
    expect(await lookUp(listed.noKK)).toEqual({
      kemendes: { status: listed.status },
      bltDd: { program: 'BLT_DD', receiving: listed.status === 'ACTIVE' },
      kemendesRead: true,
    });
  });

  it('when the index lacks the family (imported since the run), then Kemendes is asked, and its absence answers null with nothing more', async () => {
    await system.indexSource.query('DELETE FROM resolved_household WHERE no_kk = ?', [alsoNotListed]);
    system.resetQueryLog();

    const answer = await system.query('query ($noKK: String!) { household(noKK: $noKK) { noKK kemendes { status } } }', { noKK: alsoNotListed });

    expect({ answer, kemendesRead: familyReads(system).length > 0 }).toEqual({
      answer: { status: 200, body: { data: { household: { noKK: alsoNotListed, kemendes: null } } } },
      kemendesRead: true,
    });
  });

  it('when an import into Kemendes has not finished, then look-ups ask Kemendes again, and answer the same', async () => {
    const file = path.join(dir, 'kemendes.csv');
    const changed = world.kemendes.slice(0, 2).map((family) => ({ ...family, address: `${family.address} (pindah)` }));
    writeFileSync(file, stringify([headerOf(KEMENDES_FORMAT), ...changed.flatMap((family) => rowsOf(KEMENDES_FORMAT, family))]));
    await importFile({ register: 'kemendes', file, storeUrl: system.storeUrls['kemendes'] as string, today: EVALUATION_DATE, batchSize: 1, maxBatches: 1 });

    expect(await lookUp(notListed)).toEqual({ kemendes: null, bltDd: { program: 'BLT_DD', receiving: false }, kemendesRead: true });
  });


});
