import { In, type DataSource } from 'typeorm';
import { groupByKeys } from '../loaders';
import { AUDIT_ENTITIES, type AuditedKey } from './audit-entity';
import { auditRecord, auditRow, type AuditRecord } from './audit-records';
import { chunk } from './chunks';
import { rowTable } from './raw-rows';

/** Keys per `IN (...)` list: well inside every driver's limits (appends are chunked by raw-rows.ts). */
const KEYS_PER_STATEMENT = 1_000;

/** A store's `audit_entry` table, as every store that serves personal data keeps it. */
export interface AuditTrailStore {
  /** Appends entries in one statement per 1,000; the trail is never changed. */
  append(entries: readonly AuditRecord[]): Promise<void>;
  /** Each key's entries (NIKs or No. KKs, as the store's trail is keyed), newest first; [] where none. */
  byKeys(keys: readonly string[]): Promise<AuditRecord[][]>;
}

export function auditTrailStore(dataSource: DataSource, key: AuditedKey): AuditTrailStore {
  const audit = dataSource.getRepository(AUDIT_ENTITIES[key]);
  // Every audited request appends: one plain INSERT, without the query builder (raw-rows.ts).
  const rows = rowTable(dataSource, AUDIT_ENTITIES[key]);
  return {
    append: (entries) => rows.insert(entries.map(auditRow)),
    async byKeys(keys) {
      if (keys.length === 0) return [];
      const rows = [];
      for (const slice of chunk([...new Set(keys)], KEYS_PER_STATEMENT)) {
        rows.push(...(await audit.find({ where: { [key]: In(slice) }, order: { readAt: 'DESC', id: 'DESC' } })));
      }
      return groupByKeys(keys, rows, (row) => row[key] ?? '').map((group) => group.map(auditRecord));
    },
  };
}
