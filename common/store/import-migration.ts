import { Table, type QueryRunner } from 'typeorm';
import { tableColumn } from './migration-columns';

// The import ledger and family history every register's store has, created by each register's
// own import migration. A migration is a frozen record: change these tables with a new one.

export async function createImportTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'import_ledger',
      columns: [
        tableColumn.id(),
        tableColumn.varchar('register', 16),
        tableColumn.varchar('file_name', 255),
        tableColumn.varchar('checksum', 64),
        tableColumn.varchar('status', 10),
        tableColumn.varchar('started_at', 24),
        tableColumn.varchar('finished_at', 24, true),
        tableColumn.integer('rows_in'),
        tableColumn.integer('rows_stored'),
        tableColumn.integer('rows_rejected'),
        tableColumn.integer('families_written'),
        tableColumn.integer('last_line'),
        { name: 'rejects_bytes', type: 'bigint' },
      ],
      indices: [{ name: 'uq_import_ledger_file', columnNames: ['register', 'checksum'], isUnique: true }],
    }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'family_history',
      columns: [
        tableColumn.id(),
        tableColumn.varchar('no_kk', 16),
        tableColumn.varchar('changed_at', 24),
        { name: 'previous', type: 'text' },
        tableColumn.integer('import_id'),
      ],
      indices: [{ name: 'idx_family_history_no_kk', columnNames: ['no_kk'] }],
    }),
  );
}

export async function dropImportTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable('family_history');
  await queryRunner.dropTable('import_ledger');
}
