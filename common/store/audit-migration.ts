import { Table, type QueryRunner } from 'typeorm';
import { REQUEST_ID_LENGTH, type AuditedKey } from './audit-entity';
import { tableColumn } from './migration-columns';

// The audit table every register's store has, and the resolution index's, created by each store's
// own audit migration. A migration is a frozen record of a schema change: change the table with a
// new migration.

const REFUSAL = 'audit_entry is append-only';

/**
 * Creates `audit_entry` and the triggers that refuse UPDATE and DELETE on it. `key` is what the
 * entries name and are looked up by: NIKs in a register (the No. KK when a family was read), No.
 * KKs alone in the resolution index.
 */
export async function createAuditTable(queryRunner: QueryRunner, key: AuditedKey = 'nik'): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'audit_entry',
      columns: [
        tableColumn.id(),
        tableColumn.varchar('read_at', 24),
        tableColumn.varchar('subject', 255),
        tableColumn.varchar('organisation', 255),
        tableColumn.varchar('purpose', 255),
        tableColumn.varchar('roles', 255),
        tableColumn.varchar('operation', 255, true),
        tableColumn.varchar('nik', 16, key !== 'nik'),
        tableColumn.varchar('no_kk', 16, key !== 'noKK'),
      ],
      indices: key === 'nik' ? [{ name: 'idx_audit_entry_nik', columnNames: ['nik'] }] : [{ name: 'idx_audit_entry_no_kk', columnNames: ['no_kk'] }],
    }),
  );
  // The application may only append; the store refuses changes to the trail itself, so neither a
  // bug nor a compromised subgraph can rewrite who read what.
  for (const operation of ['UPDATE', 'DELETE'] as const) {
    const name = `audit_entry_no_${operation.toLowerCase()}`;
    if (isSqlite(queryRunner)) {
      await queryRunner.query(
        `CREATE TRIGGER ${name} BEFORE ${operation} ON audit_entry BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
      );
    } else {
      await queryRunner.query(
        `CREATE TRIGGER ${name} BEFORE ${operation} ON audit_entry FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${REFUSAL}'`,
      );
    }
  }
}

export async function dropAuditTable(queryRunner: QueryRunner): Promise<void> {
  for (const name of ['audit_entry_no_update', 'audit_entry_no_delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
  await queryRunner.dropTable('audit_entry');
}

function isSqlite(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'better-sqlite3';
}

/**
 * Adds `request_id` (the request's `x-request-id`, null in earlier entries). A plain ALTER TABLE on
 * both stores: TypeORM's addColumn rebuilds a SQLite table by copying it, which would drop the
 * append-only triggers and copy every entry of a trail that grows by millions.
 */
export async function addAuditRequestId(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`ALTER TABLE audit_entry ADD COLUMN request_id varchar(${REQUEST_ID_LENGTH}) NULL`);
}

export async function dropAuditRequestId(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('ALTER TABLE audit_entry DROP COLUMN request_id');
}
