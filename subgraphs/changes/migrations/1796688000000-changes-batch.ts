import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../../common/store/migration-columns';

/** The period batches (`npm run changes -- batch`): each batch, its register files and the requests each file carries. */
export class ChangesBatch1796688000000 implements MigrationInterface {
  name = 'ChangesBatch1796688000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'change_batch',
        columns: [{ ...tableColumn.varchar('id', 16), isPrimary: true }, tableColumn.varchar('period', 7), tableColumn.varchar('created_at', 24)],
        indices: [{ name: 'idx_change_batch_period', columnNames: ['period'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'change_batch_file',
        columns: [
          { ...tableColumn.varchar('batch_id', 16), isPrimary: true },
          { ...tableColumn.varchar('register', 16), isPrimary: true },
          tableColumn.varchar('file_name', 255),
          tableColumn.varchar('checksum', 64),
          tableColumn.integer('families'),
        ],
        indices: [{ name: 'idx_change_batch_file_checksum', columnNames: ['register', 'checksum'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'change_batch_request',
        columns: [
          { ...tableColumn.varchar('batch_id', 16), isPrimary: true },
          { ...tableColumn.varchar('request_id', 36), isPrimary: true },
          { ...tableColumn.varchar('register', 16), isPrimary: true },
        ],
        indices: [{ name: 'idx_change_batch_request_request_id', columnNames: ['request_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('change_batch_request');
    await queryRunner.dropTable('change_batch_file');
    await queryRunner.dropTable('change_batch');
  }
}
