import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { addAuditRequestId, createAuditTable, dropAuditTable } from '../../../common/store/audit-migration';
import { createImportTables, dropImportTables } from '../../../common/store/import-migration';
import { addListingKey } from '../../../common/store/listing-key';
import {
  familyBaseTableColumns,
  familyTableIndices,
  foreignKeyToFamilyTable,
  memberBaseTableColumns,
  memberTableIndices,
  tableColumn,
} from '../../../common/store/migration-columns';

/** The whole store at once: the other registers reached the same tables in five steps. */
export class KemendesInitial1768003200000 implements MigrationInterface {
  name = 'KemendesInitial1768003200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'kemendes_family',
        columns: [
          ...familyBaseTableColumns(),
          tableColumn.varchar('since', 7),
          tableColumn.varchar('status', 9),
          tableColumn.integer('monthly_amount'),
        ],
        indices: [...familyTableIndices('kemendes_family'), { name: 'idx_kemendes_family_status', columnNames: ['status'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'kemendes_recipient',
        columns: memberBaseTableColumns(),
        indices: memberTableIndices('kemendes_recipient'),
        foreignKeys: foreignKeyToFamilyTable('kemendes_recipient', 'kemendes_family'),
      }),
    );
    await addListingKey(queryRunner, 'kemendes_family');
    await createAuditTable(queryRunner);
    await addAuditRequestId(queryRunner);
    await createImportTables(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropImportTables(queryRunner);
    await dropAuditTable(queryRunner);
    await queryRunner.dropTable('kemendes_recipient');
    await queryRunner.dropTable('kemendes_family');
  }
}
