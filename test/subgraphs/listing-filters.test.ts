import { createDtksRepository, type DtksRepository } from '../../subgraphs/dtks/repository';
import { createP3keRepository, type P3keRepository } from '../../subgraphs/p3ke/repository';
import { createRegsosekRepository, type RegsosekRepository } from '../../subgraphs/regsosek/repository';
import type { FamilyPage } from '../../common/pagination';
import { storeKinds } from '../support/stores';
import { badUserInput, rejection } from './bad-input';
import { GAMBIR, PENJARINGAN, dtksFamily, p3keFamily, regsosekFamily } from './fixtures';
import { freshStoreForEachTest, kk, nik } from './store-harness';
import { openStoreOf } from '../support/subgraph-stores';

/** The No. KKs of a first page of 10, sorted (a listing's order is its own), and the total. */
async function listed<Filter>(
  repository: { listFamilies(filter: Filter, first: number, after: null, regions: null): Promise<Omit<FamilyPage, 'totalCount'> & { totalCount: () => Promise<number> }> },
  filter: Filter,
) {
  const page = await repository.listFamilies(filter, 10, null, null);
  return { noKKs: page.families.map((family) => family.noKK).sort(), totalCount: await page.totalCount() };
}

describe.each(storeKinds())('DTKS listing filters (%s store)', (kind) => {
  const store = freshStoreForEachTest<DtksRepository>(kind, 'dtks', openStoreOf('dtks'), createDtksRepository);

  beforeEach(async () => {
    await store().repository.insertFamilies([
      // PKH active and BPNT suspended.
      dtksFamily(kk(1), PENJARINGAN, [nik(1)]),
      dtksFamily(kk(2), PENJARINGAN, [nik(2)], {
        verificationStatus: 'UNVERIFIED',
        verifiedAt: null,
        receipts: [{ program: 'PKH', since: '2024-01-01', status: 'SUSPENDED', pkhComponents: ['ELDERLY'] }],
      }),
      dtksFamily(kk(3), GAMBIR, [nik(3)], { verificationStatus: 'REJECTED', active: false, welfarePercentile: null, receipts: [] }),
      dtksFamily(kk(4), GAMBIR, [nik(4)], {
        receipts: [{ program: 'BPNT', since: '2021-01-01', status: 'ACTIVE', pkhComponents: [] }],
      }),
    ]);
  });

  it('when filtered by programme, then families with a receipt of it are listed, whatever its status', async () => {
    expect(await listed(store().repository, { program: 'PKH' })).toEqual({ noKKs: [kk(1), kk(2)], totalCount: 2 });
  });

  it('when filtered by programme and receipt status, then one receipt must have both', async () => {
    expect(await listed(store().repository, { program: 'PKH', receiptStatus: 'SUSPENDED' })).toEqual({
      noKKs: [kk(2)],
      totalCount: 1,
    });
  });

  it('when filtered by receipt status alone, then families with any receipt in that status are listed', async () => {
    expect(await listed(store().repository, { receiptStatus: 'SUSPENDED' })).toEqual({ noKKs: [kk(1), kk(2)], totalCount: 2 });
  });

  it('when filtered by verification status with a region and programme, then all conditions hold', async () => {
    const listings = {
      verified: await listed(store().repository, { verificationStatus: 'VERIFIED' }),
      verifiedBpntInGambir: await listed(store().repository, { verificationStatus: 'VERIFIED', program: 'BPNT', regionPrefix: '31.71' }),
    };

    expect(listings).toEqual({
      verified: { noKKs: [kk(1), kk(4)], totalCount: 2 },
      verifiedBpntInGambir: { noKKs: [kk(4)], totalCount: 1 },
    });
  });
});

describe.each(storeKinds())('Regsosek listing filters (%s store)', (kind) => {
  const store = freshStoreForEachTest<RegsosekRepository>(kind, 'regsosek', openStoreOf('regsosek'), createRegsosekRepository);
  const ranked = (desil: number) => ({ ranking: { desil, percentile: desil * 10 - 5, version: '2025Q4', rankedAt: '2025-11-15' } });

  beforeEach(async () => {
    await store().repository.insertFamilies([
      regsosekFamily(kk(1), PENJARINGAN, [nik(1)], ranked(1)),
      regsosekFamily(kk(2), PENJARINGAN, [nik(2)], ranked(2)),
      regsosekFamily(kk(3), GAMBIR, [nik(3)], ranked(5)),
      regsosekFamily(kk(4), GAMBIR, [nik(4)], ranked(10)),
      regsosekFamily(kk(5), GAMBIR, [nik(5)], { ranking: null }),
    ]);
  });

  it('when filtered by a desil range, then ranked families within it, bounds included, are listed', async () => {
    const listings = {
      twoToFive: await listed(store().repository, { desilMin: 2, desilMax: 5 }),
      poorest: await listed(store().repository, { desilMax: 1 }),
      richest: await listed(store().repository, { desilMin: 10 }),
      inGambirUpToFive: await listed(store().repository, { desilMax: 5, regionPrefix: '3171' }),
      unfiltered: await listed(store().repository, {}),
    };

    expect(listings).toEqual({
      twoToFive: { noKKs: [kk(2), kk(3)], totalCount: 2 },
      poorest: { noKKs: [kk(1)], totalCount: 1 },
      richest: { noKKs: [kk(4)], totalCount: 1 },
      inGambirUpToFive: { noKKs: [kk(3)], totalCount: 1 },
      unfiltered: { noKKs: [kk(1), kk(2), kk(3), kk(4), kk(5)], totalCount: 5 },
    });
  });

  it('when a family is not ranked, then its record has no ranking', async () => {
    const [family] = await store().repository.familiesByNoKK([kk(5)]);

    expect(family).toEqual(regsosekFamily(kk(5), GAMBIR, [nik(5)], { ranking: null }));
  });

  it.each([
    [{ desilMin: 0 }, badUserInput('filter.desilMin must be a desil from 1 to 10, got 0', 'filter.desilMin')],
    [{ desilMax: 11 }, badUserInput('filter.desilMax must be a desil from 1 to 10, got 11', 'filter.desilMax')],
    [{ desilMin: 2.5 }, badUserInput('filter.desilMin must be a desil from 1 to 10, got 2.5', 'filter.desilMin')],
    [{ desilMin: 6, desilMax: 3 }, badUserInput('filter.desilMin (6) must not be above filter.desilMax (3)', 'filter.desilMin')],
  ])('when the desil filter is %p, then the listing is refused naming the field', async (filter, expected) => {
    expect(await rejection(store().repository.listFamilies(filter, 10, null, null))).toEqual(expected);
  });
});

describe.each(storeKinds())('P3KE listing filters (%s store)', (kind) => {
  const store = freshStoreForEachTest<P3keRepository>(kind, 'p3ke', openStoreOf('p3ke'), createP3keRepository);

  beforeEach(async () => {
    await store().repository.insertFamilies([
      p3keFamily(kk(1), PENJARINGAN, [nik(1)], { desil: 1, extremePoor: true }),
      p3keFamily(kk(2), PENJARINGAN, [nik(2)], { desil: 3, interventions: [] }),
      p3keFamily(kk(3), GAMBIR, [nik(3)], { desil: 1, extremePoor: true }),
    ]);
  });

  it('when filtered by extreme poverty, then families with that flag are listed', async () => {
    const listings = {
      extremePoor: await listed(store().repository, { extremePoor: true }),
      notExtremePoor: await listed(store().repository, { extremePoor: false }),
      either: await listed(store().repository, { extremePoor: null }),
      extremePoorInPenjaringan: await listed(store().repository, { extremePoor: true, regionPrefix: PENJARINGAN }),
    };

    expect(listings).toEqual({
      extremePoor: { noKKs: [kk(1), kk(3)], totalCount: 2 },
      notExtremePoor: { noKKs: [kk(2)], totalCount: 1 },
      either: { noKKs: [kk(1), kk(2), kk(3)], totalCount: 3 },
      extremePoorInPenjaringan: { noKKs: [kk(1)], totalCount: 1 },
    });
  });
});
