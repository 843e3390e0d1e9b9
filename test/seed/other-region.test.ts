import { findRegion, regionsWithin } from '../../common/regions';
import type { ResolvedHousehold } from '../../resolution/household';
import { generateBatch, type GeneratedBatch } from '../../seed/generator';
import { indexedHouseholds } from '../analytics/oracle';
import { startSystem, type RunningSystem } from '../support/system';

// Nusa Tenggara Timur (53): a province of desa, where BLT Dana Desa can be exercised (DKI Jakarta,
// the default region, has only kelurahan).

const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const FAMILIES = 150;
const ntt = generateBatch({ seed: 53, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE, region: '53' });

type AnyRecord = GeneratedBatch['dtks'][number] | GeneratedBatch['regsosek'][number] | GeneratedBatch['p3ke'][number];
const allRecords = (batch: GeneratedBatch): AnyRecord[] => [...batch.dtks, ...batch.regsosek, ...batch.p3ke];
const kindDigits = (batch: GeneratedBatch): string[] => [...new Set(allRecords(batch).map((record) => record.regionCode.charAt(6)))].sort();

describe('generateBatch for another region', () => {
  it('when families are generated for Nusa Tenggara Timur, then each lives in a village of it Kemendagri lists, desa and kelurahan alike', () => {
    expect({
      outside: allRecords(ntt).filter((record) => !record.regionCode.startsWith('53') || findRegion(record.regionCode)?.level !== 'village'),
      kkOutside: ntt.truth.filter((line) => !line.noKK.startsWith('53')),
      kinds: kindDigits(ntt),
    }).toEqual({ outside: [], kkOutside: [], kinds: ['1', '2'] });
  });

  it('when a regency is given, then every family lives in it: Kota Kupang (53.71) has only kelurahan', () => {
    const kupang = generateBatch({ seed: 53, start: 0, count: 50, evaluationDate: EVALUATION_DATE, region: '5371' });

    expect({ outside: allRecords(kupang).filter((record) => !record.regionCode.startsWith('5371')), kinds: kindDigits(kupang) }).toEqual({
      outside: [],
      kinds: ['1'],
    });
  });

  it('when no region is given, then the families live in DKI Jakarta', () => {
    const jakarta = generateBatch({ seed: 53, start: 0, count: 50, evaluationDate: EVALUATION_DATE });

    expect(allRecords(jakarta).filter((record) => !record.regionCode.startsWith('31'))).toEqual([]);
  });
});

// SQLite stores only: another province changes the data, not the SQL. The index's listings,
// filters and region groups run on MariaDB in test/analytics and test/resolution.
describe('families of Nusa Tenggara Timur through the API (SQLite)', () => {
  let system: RunningSystem;
  let all: ResolvedHousehold[];

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: ntt, evaluationDate: EVALUATION_DATE, resolve: true });
    all = await indexedHouseholds(system.index);
  }, 120_000);
  afterAll(() => system.stop());

  const bltDdOf = <Entry extends { program: string }>(household: { eligibility: Entry[] }): Entry | undefined => household.eligibility.find((entry) => entry.program === 'BLT_DD');

  it('when the first family eligible for BLT_DD is looked up, then its region is named at every level and the decision reads the desa', async () => {
    const eligible = new Set(all.filter((household) => household.eligibility.some((entry) => entry.program === 'BLT_DD' && entry.eligible)).map((household) => household.noKK));
    const noKK = ntt.regsosek.find((family) => eligible.has(family.noKK))?.noKK;
    const response = await system.query(
      `query ($noKK: String!) { household(noKK: $noKK) { region { code dottedCode village district city province villageKind source } eligibility { program eligible reasons } } }`,
      { noKK },
    );
    const household = response.body.data?.['household'] as { region: unknown; eligibility: { program: string }[] };

    expect({ status: response.status, errors: response.body.errors, region: household.region, bltDd: bltDdOf(household) }).toEqual({
      status: 200,
      errors: undefined,
      region: {
        code: '5301182004',
        dottedCode: '53.01.18.2004',
        village: 'Retraen',
        district: 'Amarasi Selatan',
        city: 'Kabupaten Kupang',
        province: 'Nusa Tenggara Timur',
        villageKind: 'DESA',
        source: 'REGSOSEK',
      },
      bltDd: {
        program: 'BLT_DD',
        eligible: true,
        reasons: [
          'Lives in a desa, Retraen (53.01.18.2004), which has Dana Desa',
          'Desil 1 (DTSEN ranking 2025Q4) counts as extreme poverty',
          'P3KE flags the family as extremely poor',
          'Receives neither PKH nor BPNT (DTKS)',
          'Rp 300,000 a month for the family',
          'Kemendes (desa records) lists an active BLT Dana Desa receipt since 2024-12, Rp 300,000 a month',
        ],
      },
    });
  });

  it("when BLT_DD targeting is read from the index, then every household's status is the seeder's truth, errors of both kinds and graduation candidates among them", async () => {
    const statusOf = (household: ResolvedHousehold) => household.targeting.find((entry) => entry.program === 'BLT_DD')?.status;
    const truth = new Map(ntt.truth.flatMap((line) => (line.targeting ?? []).filter((entry) => entry.program === 'BLT_DD').map((entry) => [line.noKK, entry.status] as const)));

    expect(new Map(all.map((household) => [household.noKK, statusOf(household)] as const))).toEqual(truth);
    expect(new Set(truth.values())).toEqual(new Set(['ON_TARGET', 'INCLUSION_ERROR', 'GRADUATION_CANDIDATE', 'EXCLUSION_ERROR', 'NOT_TARGETED']));
  });

  it('when families eligible for BLT_DD are listed, then there are some, each in a desa, exactly those the index resolved as eligible', async () => {
    const response = await system.query(
      '{ households(filter: { regionPrefix: "53", eligibleFor: BLT_DD }, first: 100) { totalCount nodes { noKK region { villageKind } } } }',
    );
    const listed = response.body.data?.['households'] as { totalCount: number; nodes: { noKK: string; region: { villageKind: string } }[] };
    const eligible = all.filter((household) => household.eligibility.some((entry) => entry.program === 'BLT_DD' && entry.eligible));

    expect(eligible.length).toBeGreaterThan(0);
    expect({
      totalCount: listed.totalCount,
      noKKs: listed.nodes.map((node) => node.noKK).sort(),
      kinds: [...new Set(listed.nodes.map((node) => node.region.villageKind))],
    }).toEqual({ totalCount: eligible.length, noKKs: eligible.map((household) => household.noKK).sort(), kinds: ['DESA'] });
  });

  it('when the extremely poor families are read, then BLT_DD starts from the village kind: a desa has Dana Desa, a kelurahan none and no family there is eligible', async () => {
    const response = await system.query(
      '{ households(filter: { regionPrefix: "53", desilMax: 1 }, first: 100) { nodes { region { dottedCode village villageKind } eligibility { program eligible reasons } } } }',
    );
    type Node = { region: { dottedCode: string; village: string; villageKind: string }; eligibility: { program: string; eligible: boolean; reasons: string[] }[] };
    const nodes = (response.body.data?.['households'] as { nodes: Node[] }).nodes;
    const read = nodes.map((node) => ({ kind: node.region.villageKind, eligible: bltDdOf(node)?.eligible, village: bltDdOf(node)?.reasons[0] }));

    expect([...new Set(read.map((entry) => entry.kind))].sort()).toEqual(['DESA', 'KELURAHAN']);
    expect(read).toEqual(
      nodes.map(({ region }) =>
        region.villageKind === 'DESA'
          ? { kind: 'DESA', eligible: expect.any(Boolean), village: `Lives in a desa, ${region.village} (${region.dottedCode}), which has Dana Desa` }
          : { kind: 'KELURAHAN', eligible: false, village: `Lives in a kelurahan, ${region.village} (${region.dottedCode}), which has no Dana Desa` },
      ),
    );
  });

  it('when statistics are asked per city of the province, then every regency and city of NTT is listed by name and BLT_DD counts its eligible families', async () => {
    const response = await system.query('{ statistics(regionPrefix: "53", level: CITY) { total { name } regions { code name families programs { program eligible } } } }');
    const statistics = response.body.data?.['statistics'] as {
      total: { name: string };
      regions: { code: string; name: string; families: number; programs: { program: string; eligible: number }[] }[];
    };

    expect({
      total: statistics.total.name,
      regions: statistics.regions.map((region) => [region.code, region.name]),
      families: statistics.regions.reduce((sum, region) => sum + region.families, 0),
      bltDdEligible: statistics.regions.reduce((sum, region) => sum + (region.programs.find((entry) => entry.program === 'BLT_DD')?.eligible ?? 0), 0),
    }).toEqual({
      total: 'Nusa Tenggara Timur',
      regions: regionsWithin('53', 'regency').map((regency) => [regency.code.replaceAll('.', ''), regency.name]),
      families: all.length,
      bltDdEligible: all.filter((household) => household.eligibility.some((entry) => entry.program === 'BLT_DD' && entry.eligible)).length,
    });
  });
});
