import { dottedRegionCode, plainRegionCode, regionNames } from '../../../common/regions';
import type { HouseholdRepresentation } from '../representation';
import { VILLAGE_KIND_BY_DIGIT, VILLAGE_KIND_DIGIT_INDEX, type VillageKind } from './register-codes';
import type { Source } from './sources';

export type { VillageKind } from './register-codes';

export interface ResolvedRegion {
  /** 10 digits. */
  readonly code: string;
  readonly dottedCode: string;
  readonly village: string | null;
  readonly district: string | null;
  readonly city: string | null;
  readonly province: string | null;
  readonly villageKind: VillageKind;
  readonly source: Source;
}

/** A 10-digit village code and its kind; null when the code is not one (wrong length, unknown kind digit). */
export function villageCode(code: string): { readonly code: string; readonly villageKind: VillageKind } | null {
  const plain = plainRegionCode(code);
  if (plain === null || plain.length !== 10) return null;
  const villageKind = VILLAGE_KIND_BY_DIGIT[plain.charAt(VILLAGE_KIND_DIGIT_INDEX)];
  return villageKind ? { code: plain, villageKind } : null;
}

/**
 * Region of residence: Regsosek's code, else DTKS's, else P3KE's (Regsosek was enumerated on the
 * spot; DTKS and P3KE copy the KK's address). A register whose code is not a village code is
 * skipped rather than trusted. Names where known (DKI Jakarta).
 */
export function resolveRegion(household: HouseholdRepresentation): ResolvedRegion | null {
  const candidates: readonly [Source, string | undefined][] = [
    ['REGSOSEK', household.regsosek?.regionCode],
    ['DTKS', household.dtks?.regionCode],
    ['P3KE', household.p3ke?.regionCode],
  ];
  for (const [source, code] of candidates) {
    const village = code === undefined ? null : villageCode(code);
    if (!village) continue;
    const names = regionNames(village.code);
    return {
      code: village.code,
      dottedCode: dottedRegionCode(village.code),
      village: names.village ?? null,
      district: names.district ?? null,
      city: names.city ?? null,
      province: names.province ?? null,
      villageKind: village.villageKind,
      source,
    };
  }
  return null;
}
