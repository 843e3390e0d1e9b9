import { INDONESIA_POPULATION, childRegions, regionsWithin } from '../../common/regions';
import { type Random, WeightedTable } from './random';

export interface GeneratedRegion {
  /** Plain 10-digit village code. */
  readonly villageCode: string;
  /** Plain 6-digit district code: the prefix of NIKs registered there and of the family's KK. */
  readonly districtCode: string;
  /** Plain 4-digit city/regency code. */
  readonly cityCode: string;
}

/** DKI Jakarta: what `npm start` and `npm run seed` generate unless told otherwise. */
export const DEFAULT_SEED_REGION = '31';
export const KEPULAUAN_SERIBU = '3101';

const plain = (dotted: string): string => dotted.replaceAll('.', '');

/** Digit 7 of a village code: 1 kelurahan, 2 desa. The few desa adat (3, in Jayapura) are not drawn: the gateway reads only 1 and 2. */
const hasKnownKind = (villageCode: string): boolean => villageCode.charAt(6) === '1' || villageCode.charAt(6) === '2';

const populationByRegency: ReadonlyMap<string, number> = new Map(
  INDONESIA_POPULATION.filter((row) => row.level === 'regency').map((row) => [plain(row.code), row.total]),
);

function population(regency: string): number {
  const total = populationByRegency.get(regency);
  if (total === undefined) throw new Error(`no population figure for regency ${regency} (common/regions/indonesia-population.ts)`);
  return total;
}

/**
 * Where the families of a run live: a province or regency (plain 2 or 4 digits). A regency by its
 * population, then one of its districts and a village of that district uniformly; migrants were
 * first registered in a regency outside the region, by population.
 */
export class SeedRegion {
  private readonly regencies: WeightedTable<string>;
  private readonly districtsOf = new Map<string, readonly string[]>();
  private readonly villagesOf = new Map<string, readonly string[]>();
  private readonly allVillages: readonly string[];
  private readonly allDistricts: readonly string[];
  private readonly elsewhere: WeightedTable<string>;

  constructor(readonly code: string) {
    const regencies = regionsWithin(code, 'regency').map((row) => plain(row.code));
    for (const regency of regencies) {
      const districts: string[] = [];
      for (const district of childRegions(regency)) {
        const districtCode = plain(district.code);
        const villages = childRegions(districtCode).map((row) => plain(row.code)).filter(hasKnownKind);
        if (villages.length === 0) continue;
        districts.push(districtCode);
        this.villagesOf.set(districtCode, villages);
      }
      if (districts.length > 0) this.districtsOf.set(regency, districts);
    }
    if (this.districtsOf.size === 0) throw new Error(`${code} is not a province or regency with villages`);
    this.regencies = new WeightedTable([...this.districtsOf.keys()].map((regency) => [regency, population(regency)] as const));
    this.allDistricts = [...this.villagesOf.keys()];
    this.allVillages = [...this.villagesOf.values()].flat();
    this.elsewhere = new WeightedTable(
      [...populationByRegency].filter(([regency]) => !regency.startsWith(code)).map(([regency, total]) => [regency, total] as const),
    );
  }

  /** A family's home: a regency by population share, then a district and a village of it uniformly. */
  pickHome(random: Random): GeneratedRegion {
    const cityCode = this.regencies.pick(random);
    const districtCode = random.pick(this.districtsOf.get(cityCode) ?? []);
    const villageCode = random.pick(this.villagesOf.get(districtCode) ?? []);
    return { villageCode, districtCode, cityCode };
  }

  /** Another village than `villageCode`: mostly in the same district, else anywhere in the region. */
  pickOtherVillage(random: Random, villageCode: string): string {
    const sameDistrict = (this.villagesOf.get(villageCode.slice(0, 6)) ?? []).filter((code) => code !== villageCode);
    const pool = sameDistrict.length > 0 && random.chance(0.7) ? sameDistrict : this.allVillages.filter((code) => code !== villageCode);
    return pool.length > 0 ? random.pick(pool) : villageCode;
  }

  /** Another district (6 digits) of the region than `districtCode`. */
  pickOtherDistrict(random: Random, districtCode: string): string {
    const pool = this.allDistricts.filter((code) => code !== districtCode);
    return pool.length > 0 ? random.pick(pool) : districtCode;
  }

  /**
   * A district of first registration elsewhere in Indonesia: a real regency outside the region by
   * population and a low district number (the structure a NIK check can verify).
   */
  pickDistrictElsewhere(random: Random): string {
    return `${this.elsewhere.pick(random)}${String(random.int(1, 12)).padStart(2, '0')}`;
  }
}

const built = new Map<string, SeedRegion>();

/** The region of a run, built once per process (a province's villages take a few milliseconds to index). */
export function seedRegion(code: string): SeedRegion {
  let region = built.get(code);
  if (!region) {
    region = new SeedRegion(code);
    built.set(code, region);
  }
  return region;
}
