import { storeKinds } from '../support/stores';
import { badUserInput, rejection } from './bad-input';
import { GAMBIR, PENJARINGAN } from './fixtures';
import { REGISTER_CASES, type RegisterCase } from './registers';
import { freshStoreForEachTest, kk, nik } from './store-harness';

const cases = REGISTER_CASES.flatMap((registerCase) =>
  storeKinds().map((kind) => [registerCase.register, kind, registerCase] as [string, typeof kind, RegisterCase]),
);

describe.each(cases)('%s repository (%s store)', (_register, kind, registerCase) => {
  const store = freshStoreForEachTest(kind, registerCase.register, registerCase.openStore, registerCase.createRepository);
  const family = registerCase.family;

  it('when the migrations have run, then the tables are exactly what the entities describe', async () => {
    const pending = await store().dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('when families are inserted, then familiesByNoKK returns each whole record in key order, with null for a key the store does not hold', async () => {
    const first = family(kk(1), PENJARINGAN, [nik(1), nik(2), nik(3)]);
    const second = family(kk(2), GAMBIR, [nik(4), nik(5), nik(6), nik(7)]);
    await store().repository.insertFamilies([second, first]);

    const found = await store().repository.familiesByNoKK([kk(1), kk(99), kk(2)]);

    expect(found).toEqual([first, null, second]);
  });

  it('when a batch of keys is read, then the store runs one IN query per table, whatever the batch size', async () => {
    await store().repository.insertFamilies([family(kk(1), PENJARINGAN, [nik(1)]), family(kk(2), PENJARINGAN, [nik(2)])]);
    const perTable = 2 + registerCase.detailTables;
    const { sql } = store();

    sql.length = 0;
    await store().repository.familiesByNoKK([kk(1)]);
    const forOne = sql.length;
    sql.length = 0;
    await store().repository.familiesByNoKK([kk(1), kk(2), ...Array.from({ length: 900 }, (_, i) => kk(1000 + i))]);
    const forNineHundred = sql.length;

    expect({ forOne, forNineHundred }).toEqual({ forOne: perTable, forNineHundred: perTable });
  });

  it('when a batch holds more than 1,000 keys, then the family table is read in slices and every key still gets its family', async () => {
    const stored = [family(kk(1), PENJARINGAN, [nik(1)]), family(kk(2), PENJARINGAN, [nik(2)])];
    await store().repository.insertFamilies(stored);
    const keys = [kk(1), ...Array.from({ length: 1_500 }, (_, i) => kk(1000 + i)), kk(2)];
    store().sql.length = 0;

    const found = await store().repository.familiesByNoKK(keys);

    expect({
      count: found.length,
      present: found.filter((record) => record !== null),
      queries: store().sql.length,
    }).toEqual({ count: 1_502, present: stored, queries: 2 + 1 + registerCase.detailTables });
  });

  it('when no key of a batch is in the store, then all are null and only the family table is asked', async () => {
    await store().repository.insertFamilies([family(kk(1), PENJARINGAN, [nik(1)])]);
    store().sql.length = 0;

    const found = await store().repository.familiesByNoKK([kk(7), 'not-a-kk']);

    expect({ found, queries: store().sql.length }).toEqual({ found: [null, null], queries: 1 });
  });

  it('when a NIK is listed in two families, then membersByNik returns both records, the most recently recorded first, and [] for an unknown NIK', async () => {
    const older = family(kk(1), PENJARINGAN, [nik(1), nik(2)]);
    const newer = family(kk(2), PENJARINGAN, [nik(3), nik(2)]);
    await store().repository.insertFamilies([older]);
    await store().repository.insertFamilies([newer]);

    const records = await store().repository.membersByNik([nik(1), nik(2), nik(9)]);

    expect(records).toEqual([[older.members[0]], [newer.members[1], older.members[1]], []]);
  });

  it('when families are listed page by page, then the pages follow the listing keys, list every family once, and the total counts every page', async () => {
    await store().repository.insertFamilies([4, 1, 5, 3, 2].map((n) => family(kk(n), PENJARINGAN, [nik(n)])));
    const { repository } = store();

    const first = await repository.listFamilies(null, 2, null, null);
    const second = await repository.listFamilies(null, 2, first.families.at(-1) ?? null, null);
    const third = await repository.listFamilies(undefined, 2, second.families.at(-1) ?? null, null);

    const listed = [first, second, third].flatMap((page) => page.families);
    const listingKeys = listed.map((position) => position.listingKey);
    expect({
      pages: await Promise.all([first, second, third].map(async (page) => ({ size: page.families.length, hasNextPage: page.hasNextPage, totalCount: await page.totalCount() }))),
      noKKs: listed.map((position) => position.noKK).sort(),
      inListingKeyOrder: listingKeys.every((key, i) => i === 0 || (listingKeys[i - 1] ?? '') <= key),
      listingKeys: listingKeys.every((key) => /^[0-9a-f]{16}$/.test(key)),
    }).toEqual({
      pages: [
        { size: 2, hasNextPage: true, totalCount: 5 },
        { size: 2, hasNextPage: true, totalCount: 5 },
        { size: 1, hasNextPage: false, totalCount: 5 },
      ],
      noKKs: [kk(1), kk(2), kk(3), kk(4), kk(5)],
      inListingKeyOrder: true,
      listingKeys: true,
    });
  });

  it('when the listing is filtered by a region prefix, dotted or plain, then only families of that region count', async () => {
    await store().repository.insertFamilies([
      family(kk(1), PENJARINGAN, [nik(1)]),
      family(kk(2), GAMBIR, [nik(2)]),
      family(kk(3), PENJARINGAN, [nik(3)]),
    ]);
    const { repository } = store();

    const page = async (regionPrefix: string, first: number) => {
      const { families, hasNextPage, totalCount } = await repository.listFamilies({ regionPrefix }, first, null, null);
      return { noKKs: families.map((position) => position.noKK).sort(), hasNextPage, totalCount: await totalCount() };
    };
    const listed = { city: await page('31.72', 10), village: await page(GAMBIR, 10), province: await page('31', 1), elsewhere: await page('32', 10) };

    expect({ ...listed, province: { ...listed.province, noKKs: listed.province.noKKs.length } }).toEqual({
      city: { noKKs: [kk(1), kk(3)], hasNextPage: false, totalCount: 2 },
      village: { noKKs: [kk(2)], hasNextPage: false, totalCount: 1 },
      province: { noKKs: 1, hasNextPage: true, totalCount: 3 },
      elsewhere: { noKKs: [], hasNextPage: false, totalCount: 0 },
    });
  });

  it('when the region prefix is not a region code, then the listing refuses it naming filter.regionPrefix', async () => {
    const refused = await rejection(store().repository.listFamilies({ regionPrefix: '31.7' }, 10, null, null));

    expect(refused).toEqual(
      badUserInput(
        'filter.regionPrefix must be a region code prefix such as 31.72, 3172 or 3172011001, got "31.7"',
        'filter.regionPrefix',
      ),
    );
  });

  it('when an inserted batch repeats a No. KK the store holds, then nothing of the batch is stored', async () => {
    await store().repository.insertFamilies([family(kk(1), PENJARINGAN, [nik(1)])]);

    await expect(
      store().repository.insertFamilies([family(kk(2), PENJARINGAN, [nik(2)]), family(kk(1), PENJARINGAN, [nik(3)])]),
    ).rejects.toThrow();

    expect({
      count: await store().repository.countFamilies(),
      second: await store().repository.familiesByNoKK([kk(2)]),
      nik: await store().repository.membersByNik([nik(2)]),
    }).toEqual({ count: 1, second: [null], nik: [[]] });
  });

  it('when more families are inserted than one statement takes, then every one is stored whole', async () => {
    const families = Array.from({ length: 1_250 }, (_, i) => family(kk(i + 1), i % 2 ? GAMBIR : PENJARINGAN, [nik(2 * i), nik(2 * i + 1)]));

    await store().repository.insertFamilies(families);

    expect({
      count: await store().repository.countFamilies(),
      ends: await store().repository.familiesByNoKK([kk(1), kk(1_250)]),
    }).toEqual({ count: 1_250, ends: [families[0], families[1_249]] });
  });

  it('when nothing is inserted, then the store is not touched', async () => {
    store().sql.length = 0;

    await store().repository.insertFamilies([]);
    const sql = [...store().sql];

    expect({ sql, count: await store().repository.countFamilies() }).toEqual({ sql: [], count: 0 });
  });

  it('when the store is up, then ping resolves', async () => {
    await expect(store().repository.ping()).resolves.toBeUndefined();
  });

  it('when the store is closed, then ping rejects', async () => {
    await store().dataSource.destroy();

    await expect(store().repository.ping()).rejects.toThrow();
  });
});
