import { EntitySchema } from 'typeorm';
import { entityColumn } from './entity-columns';

// The importer's own tables, in every register's store (see import-migration.ts).

export type ImportStatus = 'running' | 'finished';

/** One import of one file into one register, keyed by (register, checksum). */
export interface ImportLedgerRow {
  readonly id?: number;
  readonly register: string;
  readonly fileName: string;
  /** SHA-256 of the file, hex. */
  readonly checksum: string;
  readonly status: ImportStatus;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly rowsIn: number;
  readonly rowsStored: number;
  readonly rowsRejected: number;
  readonly familiesWritten: number;
  /** Last physical line of the file whose row is committed (stored or rejected); 1 = the header. */
  readonly lastLine: number;
  /** Length of the reject file when the last batch was committed: a resume cuts it back to this. */
  readonly rejectsBytes: number;
}

/** A family's previous record, kept when an import replaces it. */
export interface FamilyHistoryRow {
  readonly id?: number;
  readonly noKK: string;
  /** ISO 8601 UTC. */
  readonly changedAt: string;
  /** The record as it was before, JSON. */
  readonly previous: string;
  readonly importId: number;
}

export const ImportLedgerEntity = new EntitySchema<ImportLedgerRow>({
  name: 'ImportLedger',
  tableName: 'import_ledger',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    register: entityColumn.varchar('register', 16),
    fileName: entityColumn.varchar('file_name', 255),
    checksum: entityColumn.varchar('checksum', 64),
    status: entityColumn.varchar('status', 10),
    startedAt: entityColumn.varchar('started_at', 24),
    finishedAt: entityColumn.varchar('finished_at', 24, true),
    rowsIn: entityColumn.integer('rows_in'),
    rowsStored: entityColumn.integer('rows_stored'),
    rowsRejected: entityColumn.integer('rows_rejected'),
    familiesWritten: entityColumn.integer('families_written'),
    lastLine: entityColumn.integer('last_line'),
    rejectsBytes: entityColumn.bigint('rejects_bytes'),
  },
  indices: [{ name: 'uq_import_ledger_file', columns: ['register', 'checksum'], unique: true }],
});

export const FamilyHistoryEntity = new EntitySchema<FamilyHistoryRow>({
  name: 'FamilyHistory',
  tableName: 'family_history',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    noKK: entityColumn.varchar('no_kk', 16),
    changedAt: entityColumn.varchar('changed_at', 24),
    previous: entityColumn.text('previous'),
    importId: entityColumn.integer('import_id'),
  },
  indices: [{ name: 'idx_family_history_no_kk', columns: ['noKK'] }],
});
