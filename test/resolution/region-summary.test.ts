import { EntitySchema, type DataSource } from 'typeorm';
import { insertRows } from '../../common/store/bulk-insert';
import { closeStore, openStore } from '../../common/store/open-store';
import { INDEX_PROGRAMS, SUMMARY_MEASURES, ResolutionRunEntity, ResolvedHouseholdEntity, ResolvedIssueEntity, type IndexProgram, type ResolvedHouseholdRow } from '../../resolution/entities';
import { toIndexRows } from '../../resolution/household';
import { IndexInitial1767312000000 } from '../../resolution/migrations/1767312000000-index-initial';
import { IndexPersons1767398400000 } from '../../resolution/migrations/1767398400000-index-persons';
import { IndexRegionDesil1767484800000 } from '../../resolution/migrations/1767484800000-index-region-desil';
import { IndexGraduation1780444800000 } from '../../resolution/migrations/1780444800000-index-graduation';
import { createIndexQueryRepository, type DesilGroup, type ProgramCounts, type RegionGroups } from '../../resolution/query-repository';
import { createIndexRepository } from '../../resolution/repository';
import { INDEX_STORE, openIndexStore } from '../../resolution/store';
import { storeKinds } from '../support/stores';
import { createTestIndexStore, type TestIndexStore } from './index-store';
import { indexedHousehold } from './indexed-household';

const PENJARINGAN = '3172011001';
const KAMAL_MUARA = '3172011002';
const RUN = { ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: '2026-11-28T01:00:00.000Z', cursors: '{}' };

const POOR = indexedHousehold('3172011506100001', {
  persons: 4,
  benefits: { PKH: 3_000_000, BPNT: 2_400_000 },
  targeting: [
    { program: 'PKH', status: 'ON_TARGET' },
    { program: 'BPNT', status: 'EXCLUSION_ERROR' },
    { program: 'PBI_JK', status: 'NOT_TARGETED' },
    { program: 'PIP', status: 'NOT_TARGETED' },
    { program: 'BLT_DD', status: 'NOT_TARGETED' },
  ],
  dataQuality: [
    { code: 'DUPLICATE_NIK', sources: ['DTKS'], nik: '3172011203850001' },
    { code: 'DUPLICATE_NIK', sources: ['REGSOSEK'], nik: '3172011203850002' },
  ],
});
const NEIGHBOUR = indexedHousehold('3172011506100002', { persons: 2, dataQuality: [{ code: 'MISSING_FROM_DTKS', sources: ['REGSOSEK'], nik: null }] });
const UNPLACED = indexedHousehold('3172011506100003', { region: null, desil: null });
/** POOR in the next run: moved to Kamal Muara, desil 5, eligible for nothing, its issues resolved. */
const POOR_MOVED = indexedHousehold(POOR.noKK, { persons: 4, region: { code: KAMAL_MUARA }, desil: { value: 5, source: 'REGSOSEK', conflict: false } });

const RISEN_STATUSES = (status: string) => [
  { program: 'PKH', status },
  { program: 'BPNT', status },
  { program: 'PBI_JK', status: 'NOT_TARGETED' },
  { program: 'PIP', status: 'NOT_TARGETED' },
  { program: 'BLT_DD', status },
];
/** Receiving PKH, BPNT and BLT-DD at desil 6, which an index before graduation candidates could only call an inclusion error. */
const RISEN_BEFORE = indexedHousehold('3172011506100004', { desil: { value: 6, source: 'REGSOSEK', conflict: false }, targeting: RISEN_STATUSES('INCLUSION_ERROR') });
const RISEN = { ...RISEN_BEFORE, targeting: RISEN_STATUSES('GRADUATION_CANDIDATE') };

const counts = (changes: Partial<ProgramCounts> = {}): ProgramCounts => ({ eligible: 0, onTarget: 0, inclusionErrors: 0, graduationCandidates: 0, exclusionErrors: 0, budget: 0, ...changes });
const programs = (changes: Partial<Record<IndexProgram, Partial<ProgramCounts>>> = {}) =>
  Object.fromEntries(INDEX_PROGRAMS.map((program) => [program, counts(changes[program])])) as Record<IndexProgram, ProgramCounts>;

const sorted = (groups: RegionGroups) => ({
  desil: [...groups.desil].sort((a, b) => `${a.code}${a.desil}`.localeCompare(`${b.code}${b.desil}`)),
  issues: [...groups.issues].sort((a, b) => `${a.code}${a.issue}`.localeCompare(`${b.code}${b.issue}`)),
});

const POOR_AND_NEIGHBOUR_IN_PENJARINGAN: DesilGroup = {
  code: PENJARINGAN,
  desil: 2,
  families: 2,
  persons: 6,
  programs: programs({ PKH: { eligible: 1, budget: 3_000_000, onTarget: 1 }, BPNT: { eligible: 1, budget: 2_400_000, exclusionErrors: 1 } }),
};

describe.each(storeKinds())('the region summary of the index (%s)', (kind) => {
  let store: TestIndexStore;
  let dataSource: DataSource | undefined;
  afterEach(async () => {
    if (dataSource) await closeStore(dataSource);
    dataSource = undefined;
    await store.remove();
  });

  it('when households are saved, saved again elsewhere and dropped by a finished run, then the village counts are always those of the households the index holds', async () => {
    store = createTestIndexStore(kind);
    dataSource = await openIndexStore(store.url);
    const index = createIndexRepository(dataSource);
    const villages = () => createIndexQueryRepository(dataSource as DataSource).regionGroups(null, null, 10).then(sorted);

    const first = await index.startRun(RUN);
    await index.saveHouseholds([POOR, NEIGHBOUR, UNPLACED], first.id, '2026-11-28T01:00:01.000Z');
    await index.finishRun(first.id, '2026-11-28T01:00:02.000Z');
    const afterFirstRun = await villages();
    const second = await index.startRun({ ...RUN, startedAt: '2026-11-29T01:00:00.000Z' });
    await index.saveHouseholds([POOR_MOVED], second.id, '2026-11-29T01:00:01.000Z');
    const duringSecondRun = await villages();
    await index.finishRun(second.id, '2026-11-29T01:00:02.000Z');
    const afterSecondRun = await villages();

    expect(afterFirstRun).toEqual({
      desil: [POOR_AND_NEIGHBOUR_IN_PENJARINGAN],
      issues: [
        { code: PENJARINGAN, issue: 'DUPLICATE_NIK', families: 1 },
        { code: PENJARINGAN, issue: 'MISSING_FROM_DTKS', families: 1 },
      ],
    });
    expect(duringSecondRun).toEqual({
      desil: [
        { code: PENJARINGAN, desil: 2, families: 1, persons: 2, programs: programs() },
        { code: KAMAL_MUARA, desil: 5, families: 1, persons: 4, programs: programs() },
      ],
      issues: [{ code: PENJARINGAN, issue: 'MISSING_FROM_DTKS', families: 1 }],
    });
    expect(afterSecondRun).toEqual({ desil: [{ code: KAMAL_MUARA, desil: 5, families: 1, persons: 4, programs: programs() }], issues: [] });
  });

  it('when an index filled before graduation candidates is migrated, then its households read as they were, and the next run stores and counts GRADUATION_CANDIDATE apart from inclusion errors', async () => {
    store = createTestIndexStore(kind);
    const before = await openStore(store.url, { ...INDEX_STORE, migrations: INDEX_STORE.migrations.slice(0, INDEX_STORE.migrations.indexOf(IndexGraduation1780444800000)) });
    const runner = before.createQueryRunner();
    await insertRows(runner, ResolvedHouseholdEntity, [toIndexRows(RISEN_BEFORE, 1, '2026-11-28T01:00:01.000Z').household]);
    // Its village's counts as that index kept them: three inclusion errors.
    const then = SUMMARY_MEASURES.filter((measure) => !measure.startsWith('graduation_'));
    const value = (measure: string) => ({ families: 1, persons: 3, inclusion_pkh: 1, inclusion_bpnt: 1, inclusion_blt_dd: 1 })[measure] ?? 0;
    await runner.query(
      `INSERT INTO region_summary (region_code, desil, ${then.join(', ')}) VALUES ('${PENJARINGAN}', 6, ${then.map(value).join(', ')})`,
    );
    await runner.release();
    await closeStore(before);

    dataSource = await openIndexStore(store.url);
    const index = createIndexRepository(dataSource);
    const migrated = await index.household(RISEN.noKK);
    const villagesMigrated = (await createIndexQueryRepository(dataSource).regionGroups(null, null, 10)).desil;
    const run = await index.startRun(RUN);
    await index.saveHouseholds([RISEN], run.id, '2026-11-28T02:00:01.000Z');

    expect({
      migrated,
      villagesMigrated,
      resolvedAgain: await index.household(RISEN.noKK),
      villages: (await createIndexQueryRepository(dataSource).regionGroups(null, null, 10)).desil,
    }).toEqual({
      migrated: RISEN_BEFORE,
      villagesMigrated: [
        {
          code: PENJARINGAN,
          desil: 6,
          families: 1,
          persons: 3,
          programs: programs({ PKH: { inclusionErrors: 1 }, BPNT: { inclusionErrors: 1 }, BLT_DD: { inclusionErrors: 1 } }),
        },
      ],
      resolvedAgain: RISEN,
      villages: [
        {
          code: PENJARINGAN,
          desil: 6,
          families: 1,
          persons: 3,
          programs: programs({ PKH: { graduationCandidates: 1 }, BPNT: { graduationCandidates: 1 }, BLT_DD: { graduationCandidates: 1 } }),
        },
      ],
    });
  });

  it('when an index filled before the summary existed is migrated, then the summary counts what it already held', async () => {
    store = createTestIndexStore(kind);
    // The household table as it was then, before the listing key, Kemendes and BPJS.
    const { listingKey: _listingKey, inKemendes: _inKemendes, targetingBltDd: _targetingBltDd, inBpjs: _inBpjs, ...columnsThen } = ResolvedHouseholdEntity.options.columns as Record<string, object>;
    const householdThen = new EntitySchema<ResolvedHouseholdRow>({
      ...ResolvedHouseholdEntity.options,
      columns: columnsThen,
      indices: (ResolvedHouseholdEntity.options.indices ?? []).filter((index) => !/listingKey|targetingBltDd/.test(index.columns?.toString() ?? '')),
    });
    const before = await openStore(store.url, {
      entities: [householdThen, ResolvedIssueEntity, ResolutionRunEntity],
      migrations: [IndexInitial1767312000000, IndexPersons1767398400000, IndexRegionDesil1767484800000],
    });
    const rows = [POOR, NEIGHBOUR, UNPLACED].map((resolved) => toIndexRows(resolved, 1, '2026-11-28T01:00:01.000Z'));
    const runner = before.createQueryRunner();
    await insertRows(runner, householdThen, rows.map((row) => row.household));
    await insertRows(runner, ResolvedIssueEntity, rows.flatMap((row) => row.issues));
    await runner.release();
    await closeStore(before);

    dataSource = await openIndexStore(store.url);
    const groups = sorted(await createIndexQueryRepository(dataSource).regionGroups('3172', null, 6));

    expect(groups).toEqual({
      desil: [{ ...POOR_AND_NEIGHBOUR_IN_PENJARINGAN, code: '317201' }],
      issues: [
        { code: '317201', issue: 'DUPLICATE_NIK', families: 1 },
        { code: '317201', issue: 'MISSING_FROM_DTKS', families: 1 },
      ],
    });
  });
});
