import DataLoader from 'dataloader';
import type { AuditRecord } from './store/audit-records';

/** The values of `rows` in the order of `keys`; null where no row has the key (the first row wins). */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return keys.map((key) => byKey.get(key) ?? null);
}

/** The rows of each key, in the order of `keys` and, within a key, in the order of `rows`; [] where none. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * The batched reads every source register offers: families by No. KK, member records by NIK, the
 * region of families (to scope member records), and the audit trail by NIK.
 */
export interface FamilyReads<Family, Member> {
  familiesByNoKK(noKKs: readonly string[]): Promise<(Family | null)[]>;
  membersByNik(niks: readonly string[]): Promise<Member[][]>;
  regionCodesByNoKK(noKKs: readonly string[]): Promise<(string | null)[]>;
  auditTrailByNiks(niks: readonly string[]): Promise<AuditRecord[][]>;
}

export interface FamilyLoaders<Family, Member> {
  readonly familyByNoKK: DataLoader<string, Family | null>;
  readonly membersByNik: DataLoader<string, Member[]>;
  readonly regionCodeByNoKK: DataLoader<string, string | null>;
  readonly auditTrailByNik: DataLoader<string, AuditRecord[]>;
}

/** Per-request loaders: one batched read per store for all the keys a request asks for. */
export function createFamilyLoaders<Family, Member>(reads: FamilyReads<Family, Member>): FamilyLoaders<Family, Member> {
  return {
    familyByNoKK: new DataLoader((noKKs: readonly string[]) => reads.familiesByNoKK(noKKs)),
    membersByNik: new DataLoader((niks: readonly string[]) => reads.membersByNik(niks)),
    regionCodeByNoKK: new DataLoader((noKKs: readonly string[]) => reads.regionCodesByNoKK(noKKs)),
    auditTrailByNik: new DataLoader((niks: readonly string[]) => reads.auditTrailByNiks(niks)),
  };
}
