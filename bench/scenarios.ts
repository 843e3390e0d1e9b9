import type { Register } from '../common/store-url';

/** The scenarios of issue 6: (a) household, (b) page, (c) person, (d) statistics. */
export const SCENARIO_LETTERS = ['a', 'b', 'c', 'd'] as const;
export type ScenarioLetter = (typeof SCENARIO_LETTERS)[number];

/** `--scenarios a,b`: the named scenarios, in the bench's order. */
export function parseScenarioLetters(value: string): ScenarioLetter[] {
  const named = value.split(',').map((letter) => letter.trim());
  const unknown = named.filter((letter) => !(SCENARIO_LETTERS as readonly string[]).includes(letter));
  if (named.length === 0 || unknown.length > 0) throw new Error(`--scenarios takes a comma-separated list of ${SCENARIO_LETTERS.join(', ')}; got "${value}"`);
  return SCENARIO_LETTERS.filter((letter) => named.includes(letter));
}

/** The fields every household scenario asks: the three registers, members, desil, eligibility and targeting. */
const HOUSEHOLD_FIELDS = `noKK sources
  desil { value source conflict }
  members { nik name age alive }
  dtks { noKK regionCode address members { nik name } }
  regsosek { noKK regionCode address members { nik name } }
  p3ke { noKK regionCode address desil members { nik name } }
  eligibility { program eligible estimatedAnnualBenefit beneficiaries }
  targeting { program receiving eligible status }`;

export const HOUSEHOLD_BY_KK = `query BenchHousehold($noKK: String!) { household(noKK: $noKK) { ${HOUSEHOLD_FIELDS} } }`;

/** Pages of 50 unless `first` says otherwise (the SQL count compares page sizes). */
export const HOUSEHOLD_PAGE = `query BenchHouseholds($first: Int! = 50, $after: String) { households(first: $first, after: $after) { nodes { ${HOUSEHOLD_FIELDS} } pageInfo { endCursor hasNextPage } } }`;

export const PERSON_BY_NIK = `query BenchPerson($nik: String!) { person(nik: $nik) { nik name sex birthDate age alive sources households { noKK } } }`;

export const CITY_STATISTICS = `query BenchStatistics($city: String!) {
  statistics(regionPrefix: $city, level: DISTRICT) {
    total { families persons byDesil { desil families } programs { program eligible receiving } }
    regions { code name families persons }
  }
}`;

/** What the gateway reads of one register for scenario (a), asked of the register directly: the floor. */
export function registerFloorQuery(register: Register): string {
  const extra = register === 'p3ke' ? ' desil' : '';
  return `query BenchFloor($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${register} { noKK regionCode address${extra} members { nik name } } } } }`;
}

/** The keys the scenarios rotate over, collected from the index before the runs. */
export interface BenchKeys {
  readonly noKKs: readonly string[];
  readonly niks: readonly string[];
  /** `after` cursors of pages of 50 (null: the first page). */
  readonly pageCursors: readonly (string | null)[];
  /** City codes, 4 digits. */
  readonly cities: readonly string[];
}
