import { INDONESIA_POPULATION, JAKARTA_REGIONS } from '../../common/regions';
import { type Random, WeightedTable } from './random';

export interface GeneratedRegion {
  /** Plain 10-digit village code. */
  readonly villageCode: string;
  /** Plain 6-digit district code: the prefix of NIKs registered there and of the family's KK. */
  readonly districtCode: string;
  /** Plain 4-digit city/regency code. */
  readonly cityCode: string;
}

const plain = (dotted: string): string => dotted.replaceAll('.', '');

function groupBy(rows: readonly { code: string }[], prefixLength: number): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const code = plain(row.code);
    const key = code.slice(0, prefixLength);
    const group = groups.get(key) ?? [];
    group.push(code);
    groups.set(key, group);
  }
  return groups;
}

const districtsByCity = groupBy(JAKARTA_REGIONS.filter((row) => row.level === 'district'), 4);
const villagesByDistrict = groupBy(JAKARTA_REGIONS.filter((row) => row.level === 'village'), 6);
const allJakartaVillages: readonly string[] = JAKARTA_REGIONS.filter((row) => row.level === 'village').map((row) => plain(row.code));
const allJakartaDistricts: readonly string[] = [...villagesByDistrict.keys()];

/** Jakarta's cities and Kepulauan Seribu, by their real population. */
const jakartaCities = new WeightedTable(
  INDONESIA_POPULATION.filter((row) => row.level === 'regency' && row.code.startsWith('31.')).map(
    (row) => [plain(row.code), row.total] as const,
  ),
);

/** Regencies outside Jakarta, by population: where migrants to Jakarta were first registered. */
const otherRegencies = new WeightedTable(
  INDONESIA_POPULATION.filter((row) => row.level === 'regency' && !row.code.startsWith('31.')).map(
    (row) => [plain(row.code), row.total] as const,
  ),
);

export const KEPULAUAN_SERIBU = '3101';

/** A city by population share, then a district of it and a village of that district, uniformly. */
export function pickJakartaRegion(random: Random): GeneratedRegion {
  const cityCode = jakartaCities.pick(random);
  const districtCode = random.pick(districtsByCity.get(cityCode) ?? []);
  const villageCode = random.pick(villagesByDistrict.get(districtCode) ?? []);
  return { villageCode, districtCode, cityCode };
}

/** Another village than `villageCode`: mostly in the same district, else anywhere in Jakarta. */
export function pickOtherVillage(random: Random, villageCode: string): string {
  const sameDistrict = (villagesByDistrict.get(villageCode.slice(0, 6)) ?? []).filter((code) => code !== villageCode);
  const pool = sameDistrict.length > 0 && random.chance(0.7) ? sameDistrict : allJakartaVillages.filter((code) => code !== villageCode);
  return random.pick(pool);
}

/** Another Jakarta district (6 digits) than `districtCode`. */
export function pickOtherJakartaDistrict(random: Random, districtCode: string): string {
  return random.pick(allJakartaDistricts.filter((code) => code !== districtCode));
}

/**
 * A district of first registration elsewhere in Indonesia: a real regency by population and a
 * low district number (the structure a NIK check can verify).
 */
export function pickDistrictElsewhere(random: Random): string {
  return `${otherRegencies.pick(random)}${String(random.int(1, 12)).padStart(2, '0')}`;
}
