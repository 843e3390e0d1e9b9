import { areaTable, readVillagesOf, type RegionLevel, type RegionRow } from './idn-area-data';

export type { RegionLevel, RegionRow } from './idn-area-data';
export { INDONESIA_POPULATION } from './indonesia-population';

/** `31.71.01.1001` or `3171011001` → `3171011001`; null when it is neither form of a code prefix. */
export function plainRegionCode(code: string): string | null {
  const trimmed = code.trim();
  if (/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(trimmed)) return trimmed.replaceAll('.', '');
  if (/^(\d{2}|\d{4}|\d{6}|\d{10})$/.test(trimmed)) return trimmed;
  return null;
}

/** `3171011001` → `31.71.01.1001` (any prefix length of 2, 4, 6 or 10 digits). */
export function dottedRegionCode(plain: string): string {
  const parts = [plain.slice(0, 2), plain.slice(2, 4), plain.slice(4, 6), plain.slice(6, 10)];
  return parts.filter((part) => part.length > 0).join('.');
}

const DIGITS: Readonly<Record<RegionLevel, number>> = { province: 2, regency: 4, district: 6, village: 10 };

/** A region of Indonesia by plain code of any level (province, regency/city, district, village). */
export function findRegion(plainCode: string): RegionRow | undefined {
  if (plainCode.length === DIGITS.village) readVillagesOf(plainCode.slice(0, 2));
  return areaTable().byCode.get(plainCode);
}

/** The regions one level below a plain code, in code order: `''` gives the provinces. */
export function childRegions(plainCode: string): readonly RegionRow[] {
  if (plainCode.length === DIGITS.district) readVillagesOf(plainCode.slice(0, 2));
  return areaTable().children.get(plainCode) ?? [];
}

/** Every region of `level` whose code starts with the plain `prefix` (`''`: all of Indonesia), in code order. */
export function regionsWithin(prefix: string, level: RegionLevel): readonly RegionRow[] {
  if (prefix.length >= DIGITS[level]) {
    const region = prefix.length === DIGITS[level] ? findRegion(prefix) : undefined;
    return region ? [region] : [];
  }
  const children = childRegions(prefix);
  if (children[0]?.level === level) return children;
  return children.flatMap((child) => regionsWithin(child.code.replaceAll('.', ''), level));
}

/** Whether the first 4 digits are a regency/city of Indonesia (NIK and KK carry one). */
export function isKnownRegency(plainCode: string): boolean {
  return areaTable().byCode.get(plainCode.slice(0, 4))?.level === 'regency';
}

export interface ResolvedRegionNames {
  readonly village?: string;
  readonly district?: string;
  readonly city?: string;
  readonly province?: string;
}

/** Names of the village, district, city and province of a 10-digit village code, where Kemendagri lists them. */
export function regionNames(villageCode: string): ResolvedRegionNames {
  return {
    village: findRegion(villageCode)?.name,
    district: findRegion(villageCode.slice(0, 6))?.name,
    city: findRegion(villageCode.slice(0, 4))?.name,
    province: findRegion(villageCode.slice(0, 2))?.name,
  };
}
