import { EntitySchema } from 'typeorm';
import { entityColumn } from '../../../common/store/entity-columns';

// The period batches' tables in the changes store; names match migrations/1796688000000-changes-batch.ts.

/** One batch of a period: the register files written for it. Its id is derived from the period and the files' checksums, so the same files are the same batch. */
export interface ChangeBatchRow {
  readonly id: string;
  readonly period: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
}

/** One register's file of a batch, named and checksummed as the importer's ledger keys it. */
export interface ChangeBatchFileRow {
  readonly batchId: string;
  readonly register: string;
  readonly fileName: string;
  /** SHA-256 of the file, hex (import/checksum.ts). */
  readonly checksum: string;
  readonly families: number;
}

/** A request a batch carries in one register's file (a household update may change two registers). */
export interface ChangeBatchRequestRow {
  readonly batchId: string;
  readonly requestId: string;
  readonly register: string;
}

export const ChangeBatchEntity = new EntitySchema<ChangeBatchRow>({
  name: 'ChangeBatch',
  tableName: 'change_batch',
  columns: {
    id: { ...entityColumn.varchar('id', 16), primary: true },
    period: entityColumn.varchar('period', 7),
    createdAt: entityColumn.varchar('created_at', 24),
  },
  indices: [{ name: 'idx_change_batch_period', columns: ['period'] }],
});

export const ChangeBatchFileEntity = new EntitySchema<ChangeBatchFileRow>({
  name: 'ChangeBatchFile',
  tableName: 'change_batch_file',
  columns: {
    batchId: { ...entityColumn.varchar('batch_id', 16), primary: true },
    register: { ...entityColumn.varchar('register', 16), primary: true },
    fileName: entityColumn.varchar('file_name', 255),
    checksum: entityColumn.varchar('checksum', 64),
    families: entityColumn.integer('families'),
  },
  indices: [{ name: 'idx_change_batch_file_checksum', columns: ['register', 'checksum'] }],
});

export const ChangeBatchRequestEntity = new EntitySchema<ChangeBatchRequestRow>({
  name: 'ChangeBatchRequest',
  tableName: 'change_batch_request',
  columns: {
    batchId: { ...entityColumn.varchar('batch_id', 16), primary: true },
    requestId: { ...entityColumn.varchar('request_id', 36), primary: true },
    register: { ...entityColumn.varchar('register', 16), primary: true },
  },
  indices: [{ name: 'idx_change_batch_request_request_id', columns: ['requestId'] }],
});
