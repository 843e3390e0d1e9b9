import type { ResolvedHousehold } from '../../resolution/household';
import type { ResolvedIndex } from './oracle';

const FIELDS = `code dottedCode name families persons
  byDesil { desil families persons }
  programs { program eligible receiving onTarget inclusionErrors graduationCandidates exclusionErrors estimatedAnnualBudget }
  dataQuality { code families }`;

interface RegionStatistics {
  code: string;
  dottedCode: string;
  name: string | null;
  families: number;
  persons: number;
  byDesil: { desil: number | null; families: number; persons: number }[];
  programs: {
    program: string;
    eligible: number;
    receiving: number | null;
    onTarget: number | null;
    inclusionErrors: number | null;
    graduationCandidates: number | null;
    exclusionErrors: number | null;
    estimatedAnnualBudget: number;
  }[];
  dataQuality: { code: string; families: number }[];
}

const PROGRAMS = ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'];
const CODES = ['INVALID_NIK', 'DUPLICATE_NIK', 'KK_MISMATCH', 'DESIL_CONFLICT', 'DECEASED_RECEIVING', 'MISSING_FROM_REGSOSEK', 'REGION_MISMATCH', 'PBI_JK_RECEIPT_MISMATCH'];

/** The counts of a set of households, computed one household at a time. */
function countsOf(households: readonly ResolvedHousehold[]): Omit<RegionStatistics, 'code' | 'dottedCode' | 'name'> {
  const persons = (group: readonly ResolvedHousehold[]) => group.reduce((sum, household) => sum + household.persons, 0);
  const status = (household: ResolvedHousehold, program: string) => household.targeting.find((entry) => entry.program === program)?.status;
  const entry = (household: ResolvedHousehold, program: string) => household.eligibility.find((candidate) => candidate.program === program);
  const count = (predicate: (household: ResolvedHousehold) => boolean) => households.filter(predicate).length;
  return {
    families: households.length,
    persons: persons(households),
    byDesil: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null].map((desil) => {
      const group = households.filter((household) => (household.desil?.value ?? null) === desil);
      return { desil, families: group.length, persons: persons(group) };
    }),
    programs: PROGRAMS.map((program) => {
      // Every programme's receipt is recorded (DTKS's four, Kemendes's BLT_DD), so every count is known.
      const statusCount = (code: string) => count((household) => status(household, program) === code);
      const onTarget = statusCount('ON_TARGET');
      const inclusionErrors = statusCount('INCLUSION_ERROR');
      const graduationCandidates = statusCount('GRADUATION_CANDIDATE');
      return {
        program,
        eligible: count((household) => entry(household, program)?.eligible === true),
        receiving: onTarget + inclusionErrors + graduationCandidates,
        onTarget,
        inclusionErrors,
        graduationCandidates,
        exclusionErrors: statusCount('EXCLUSION_ERROR'),
        estimatedAnnualBudget: households.reduce(
          (sum, household) => sum + (entry(household, program)?.eligible ? (entry(household, program)?.estimatedAnnualBenefit ?? 0) : 0),
          0,
        ),
      };
    }),
    dataQuality: CODES.map((code) => ({ code, families: count((household) => household.dataQuality.some((issue) => issue.code === code)) })),
  };
}

/** Regions' counts added up, field by field. */
function added(regions: readonly RegionStatistics[]): Omit<RegionStatistics, 'code' | 'dottedCode' | 'name'> {
  const sum = (values: (number | null)[]) => (values.includes(null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0));
  const first = regions[0];
  if (!first) throw new Error('no regions');
  return {
    families: sum(regions.map((region) => region.families)) ?? 0,
    persons: sum(regions.map((region) => region.persons)) ?? 0,
    byDesil: first.byDesil.map((entry, i) => ({
      desil: entry.desil,
      families: sum(regions.map((region) => region.byDesil[i]?.families ?? 0)) ?? 0,
      persons: sum(regions.map((region) => region.byDesil[i]?.persons ?? 0)) ?? 0,
    })),
    programs: first.programs.map((entry, i) => {
      const of = (field: keyof RegionStatistics['programs'][number]) => sum(regions.map((region) => region.programs[i]?.[field] as number | null));
      return {
        program: entry.program,
        eligible: of('eligible') ?? 0,
        receiving: of('receiving'),
        onTarget: of('onTarget'),
        inclusionErrors: of('inclusionErrors'),
        graduationCandidates: of('graduationCandidates'),
        exclusionErrors: of('exclusionErrors'),
        estimatedAnnualBudget: of('estimatedAnnualBudget') ?? 0,
      };
    }),
    dataQuality: first.dataQuality.map((entry, i) => ({ code: entry.code, families: sum(regions.map((region) => region.dataQuality[i]?.families ?? 0)) ?? 0 })),
  };
}

const withoutNames = ({ code: _code, dottedCode: _dotted, name: _name, ...counts }: RegionStatistics) => counts;

/** Query.statistics: the counts at each level, against the counts of every household of the index. */
export function statisticsCases(resolved: () => ResolvedIndex): void {
  async function statistics(args: string): Promise<{ total: RegionStatistics; regions: RegionStatistics[]; level: string; regionPrefix: string | null }> {
    const response = await resolved().system.query(`{ statistics(${args}) { level regionPrefix total { ${FIELDS} } regions { ${FIELDS} } } }`);
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return response.body.data?.['statistics'] as never;
  }

  it('when asked per province, then the total equals the counts of every family of the index, household by household', async () => {
    const answer = await statistics('level: PROVINCE');

    expect(answer.total).toEqual({ code: '', dottedCode: '', name: null, ...countsOf(resolved().all) });
    expect(answer.total.programs.some((program) => program.exclusionErrors !== null && program.exclusionErrors > 0)).toBe(true);
    expect(answer.total.programs.some((program) => program.graduationCandidates !== null && program.graduationCandidates > 0)).toBe(true);
  });

  it('when asked per city and per district, then the regions add up to the total, and districts to their city', async () => {
    const cities = await statistics('level: CITY');
    const districts = await statistics('level: DISTRICT');
    const utara = await statistics('regionPrefix: "31.72", level: DISTRICT');
    const utaraCity = cities.regions.find((region) => region.code === '3172');

    expect({
      cities: added(cities.regions),
      districts: added(districts.regions),
      utaraDistricts: added(utara.regions),
      utaraTotal: withoutNames(utara.total),
    }).toEqual({
      cities: withoutNames(cities.total),
      districts: withoutNames(cities.total),
      utaraDistricts: utaraCity && withoutNames(utaraCity),
      utaraTotal: countsOf(resolved().all.filter((household) => household.region?.code.startsWith('3172'))),
    });
  });

  it('when asked per district of Jakarta Utara, then every district of the city is listed by code with its name', async () => {
    const answer = await statistics('regionPrefix: "3172", level: DISTRICT');

    expect({
      level: answer.level,
      regionPrefix: answer.regionPrefix,
      name: answer.total.name,
      regions: answer.regions.map((region) => [region.code, region.dottedCode, region.name]),
    }).toEqual({
      level: 'DISTRICT',
      regionPrefix: '3172',
      name: 'Kota Administrasi Jakarta Utara',
      regions: [
        ['317201', '31.72.01', 'Penjaringan'],
        ['317202', '31.72.02', 'Tanjung Priok'],
        ['317203', '31.72.03', 'Koja'],
        ['317204', '31.72.04', 'Cilincing'],
        ['317205', '31.72.05', 'Pademangan'],
        ['317206', '31.72.06', 'Kelapa Gading'],
      ],
    });
  });
}
