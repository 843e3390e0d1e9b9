import { INDONESIA_POPULATION } from './indonesia-population';
import { JAKARTA_REGIONS, type RegionRow } from './jakarta';

export type { RegionRow } from './jakarta';
export { JAKARTA_REGIONS } from './jakarta';
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

const byPlainCode: ReadonlyMap<string, RegionRow> = new Map(
  JAKARTA_REGIONS.map((row) => [row.code.replaceAll('.', ''), row]),
);
const knownRegencies: ReadonlySet<string> = new Set(
  INDONESIA_POPULATION.filter((row) => row.level === 'regency').map((row) => row.code.replaceAll('.', '')),
);

/** A region this service has names for (DKI Jakarta), by plain code of any level. */
export function findRegion(plainCode: string): RegionRow | undefined {
  return byPlainCode.get(plainCode);
}

/** Whether the first 4 digits are a regency/city of Indonesia (NIK and KK carry one). */
export function isKnownRegency(plainCode: string): boolean {
  return knownRegencies.has(plainCode.slice(0, 4));
}

export interface ResolvedRegionNames {
  readonly village?: string;
  readonly district?: string;
  readonly city?: string;
  readonly province?: string;
}

/** Names of the village, district, city and province of a 10-digit village code, where known. */
export function regionNames(villageCode: string): ResolvedRegionNames {
  return {
    village: findRegion(villageCode)?.name,
    district: findRegion(villageCode.slice(0, 6))?.name,
    city: findRegion(villageCode.slice(0, 4))?.name,
    province: findRegion(villageCode.slice(0, 2))?.name,
  };
}
