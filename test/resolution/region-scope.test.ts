import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import type { ResolvedHousehold } from '../../resolution/household';
import { parseHouseholdFilter } from '../../resolution/household-filter';
import { createIndexQueryRepository, type IndexQueryRepository } from '../../resolution/query-repository';
import { createIndexRepository } from '../../resolution/repository';
import { buildStatistics, parseStatisticsArguments } from '../../resolution/statistics';
import { openIndexStore } from '../../resolution/store';
import { storeKinds } from '../support/stores';
import { createTestIndexStore, type TestIndexStore } from './index-store';
import { indexedHousehold } from './indexed-household';

// A principal limited to regions sees, from the index, only the families inside them: listings,
// the export and the statistics alike.

function family(noKK: string, regionCode: string | null, persons: number): ResolvedHousehold {
  return indexedHousehold(noKK, {
    persons,
    region: regionCode === null ? null : { code: regionCode },
    benefits: { BPNT: 2_400_000 },
    targeting: ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'].map((program) => ({ program, status: program === 'BPNT' ? 'EXCLUSION_ERROR' : 'NOT_TARGETED' })),
    dataQuality: [{ code: 'MISSING_FROM_REGSOSEK', sources: ['DTKS'], nik: null }],
  });
}

const GAMBIR = family('3171010101250001', '3171011001', 4);
const PENJARINGAN = family('3172010101250001', '3172011001', 3);
const KAMAL_MUARA = family('3172010101250002', '3172011002', 2);
const NOWHERE = family('3173010101250001', null, 1);
const ALL_FILTERS = parseHouseholdFilter(null);

describe.each(storeKinds())('region scope of the index reads (%s)', (kind) => {
  let store: TestIndexStore;
  let dataSource: DataSource;
  let index: IndexQueryRepository;

  // Every case only reads: one index per store kind, filled once.
  beforeAll(async () => {
    store = createTestIndexStore(kind);
    dataSource = await openIndexStore(store.url);
    const writer = createIndexRepository(dataSource);
    const run = await writer.startRun({ ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: '2026-11-28T01:00:00.000Z', cursors: '{}' });
    await writer.saveHouseholds([GAMBIR, PENJARINGAN, KAMAL_MUARA, NOWHERE], run.id, '2026-11-28T01:00:01.000Z');
    index = createIndexQueryRepository(dataSource);
  });
  /** A page's No. KKs sorted (a listing's order is its own) and the total. */
  const listed = async (...[query, scope, first, after]: Parameters<IndexQueryRepository['listHouseholds']>) => {
    const page = await index.listHouseholds(query, scope, first, after);
    return { noKKs: page.families.map((family) => family.noKK).sort(), hasNextPage: page.hasNextPage, totalCount: await index.countHouseholds(query, scope) };
  };
  afterAll(async () => {
    await closeStore(dataSource);
    await store.remove();
  });

  it('when the scope is every region, then every family is listed, those without a region too', async () => {
    expect(await listed(ALL_FILTERS, null, 10, null)).toEqual({
      noKKs: [GAMBIR.noKK, PENJARINGAN.noKK, KAMAL_MUARA.noKK, NOWHERE.noKK].sort(),
      hasNextPage: false,
      totalCount: 4,
    });
  });

  it('when the scope is Jakarta Utara, then only its families are listed and counted, across pages', async () => {
    const first = await listed(ALL_FILTERS, ['3172'], 1, null);
    const next = (await index.listHouseholds(ALL_FILTERS, ['3172'], 1, null)).families[0] ?? null;
    const second = await listed(ALL_FILTERS, ['3172'], 1, next);

    expect({ pages: [first, second].map(({ noKKs: _noKKs, ...page }) => page), listed: [...first.noKKs, ...second.noKKs].sort() }).toEqual({
      pages: [
        { hasNextPage: true, totalCount: 2 },
        { hasNextPage: false, totalCount: 2 },
      ],
      listed: [PENJARINGAN.noKK, KAMAL_MUARA.noKK].sort(),
    });
  });

  it('when the filter names a region prefix, then the listing is the intersection with the scope', async () => {
    const inside = await listed(parseHouseholdFilter({ regionPrefix: '31.72.01.1002' }), ['3172'], 10, null);
    const wider = await listed(parseHouseholdFilter({ regionPrefix: '31' }), ['3171', '3172011001'], 10, null);
    const outside = await listed(parseHouseholdFilter({ regionPrefix: '3171' }), ['3172'], 10, null);

    expect({ inside, wider, outside }).toEqual({
      inside: { noKKs: [KAMAL_MUARA.noKK], hasNextPage: false, totalCount: 1 },
      wider: { noKKs: [GAMBIR.noKK, PENJARINGAN.noKK].sort(), hasNextPage: false, totalCount: 2 },
      outside: { noKKs: [], hasNextPage: false, totalCount: 0 },
    });
  });

  it('when the scope is empty, then nothing is listed', async () => {
    expect(await listed(ALL_FILTERS, [], 10, null)).toEqual({ noKKs: [], hasNextPage: false, totalCount: 0 });
  });

  it('when a scope prefix is not digits, then the read fails rather than widening the LIKE pattern', async () => {
    await expect(listed(ALL_FILTERS, ['31%'], 10, null)).rejects.toThrow('A region scope holds digit prefixes only, not "31%"');
  });

  it('when the export is scoped, then only the families inside are exported', async () => {
    const exported: string[] = [];
    for await (const chunk of index.exportHouseholds(ALL_FILTERS, ['3171', '3172011002'], 1)) exported.push(...chunk.map((entry) => entry.row.noKK));

    expect(exported.sort()).toEqual([GAMBIR.noKK, KAMAL_MUARA.noKK].sort());
  });

  it('when statistics are scoped to Jakarta Utara, then the province total and its only city count just its families', async () => {
    const args = parseStatisticsArguments(null, 'CITY', ['3172']);

    const statistics = buildStatistics(args, await index.regionGroups(args.regionPrefix, args.scope, args.digits));

    expect({
      total: { families: statistics.total.families, persons: statistics.total.persons },
      regions: statistics.regions.map((region) => ({ code: region.code, families: region.families, persons: region.persons })),
      issues: statistics.total.dataQuality.find((entry) => entry.code === 'MISSING_FROM_REGSOSEK'),
      budget: statistics.total.programs.find((entry) => entry.program === 'BPNT')?.estimatedAnnualBudget,
    }).toEqual({
      total: { families: 2, persons: 5 },
      regions: [{ code: '3172', families: 2, persons: 5 }],
      issues: { code: 'MISSING_FROM_REGSOSEK', families: 2 },
      budget: 4_800_000,
    });
  });

  it('when statistics are scoped to one village, then coarser levels list only the regions containing it', async () => {
    const args = parseStatisticsArguments('31', 'DISTRICT', ['3172011002']);

    const statistics = buildStatistics(args, await index.regionGroups(args.regionPrefix, args.scope, args.digits));

    expect({
      total: statistics.total.families,
      regions: statistics.regions.map((region) => ({ code: region.code, families: region.families })),
    }).toEqual({ total: 1, regions: [{ code: '317201', families: 1 }] });
  });
});
