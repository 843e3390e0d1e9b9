import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { addAuditRequestId, createAuditTable, dropAuditTable } from '../../../common/store/audit-migration';
import { tableColumn } from '../../../common/store/migration-columns';

/** The change requests, their state changes, the idempotency keys used, and the audit trail (by No. KK). */
export class ChangesInitial1796601600000 implements MigrationInterface {
  name = 'ChangesInitial1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'change_request',
        columns: [
          { ...tableColumn.varchar('id', 36), isPrimary: true },
          tableColumn.varchar('no_kk', 16),
          tableColumn.varchar('kind', 16),
          tableColumn.varchar('channel', 10),
          tableColumn.varchar('program', 6, true),
          tableColumn.varchar('region_code', 10),
          { name: 'payload', type: 'text' },
          { name: 'evidence', type: 'text' },
          tableColumn.varchar('state', 9),
          tableColumn.varchar('period', 7, true),
          tableColumn.varchar('proposer_subject', 255),
          tableColumn.varchar('proposer_organisation', 255),
          tableColumn.varchar('created_at', 24),
          tableColumn.varchar('updated_at', 24),
        ],
        indices: [
          { name: 'idx_change_request_no_kk', columnNames: ['no_kk'] },
          { name: 'idx_change_request_region_code', columnNames: ['region_code'] },
          { name: 'idx_change_request_listing', columnNames: ['created_at', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'change_transition',
        columns: [
          tableColumn.id(),
          tableColumn.varchar('request_id', 36),
          tableColumn.varchar('from_state', 9, true),
          tableColumn.varchar('to_state', 9),
          tableColumn.varchar('subject', 255),
          tableColumn.varchar('organisation', 255),
          tableColumn.varchar('at', 24),
          tableColumn.varchar('reason', 500, true),
        ],
        indices: [{ name: 'idx_change_transition_request_id', columnNames: ['request_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'change_idempotency_key',
        columns: [
          { ...tableColumn.varchar('owner', 64), isPrimary: true },
          { ...tableColumn.varchar('idempotency_key', 128), isPrimary: true },
          tableColumn.varchar('action', 16),
          tableColumn.varchar('input_hash', 64),
          tableColumn.varchar('request_id', 36),
          tableColumn.varchar('created_at', 24),
        ],
      }),
    );
    await createAuditTable(queryRunner, 'noKK');
    await addAuditRequestId(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTable(queryRunner);
    await queryRunner.dropTable('change_idempotency_key');
    await queryRunner.dropTable('change_transition');
    await queryRunner.dropTable('change_request');
  }
}
