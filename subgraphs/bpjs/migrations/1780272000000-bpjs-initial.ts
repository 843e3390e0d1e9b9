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

// The store starts with what the older registers reached in five migrations: its records, the
// listing key, the audit trail with request ids and the import ledger.
export class BpjsInitial1780272000000 implements MigrationInterface {
  name = 'BpjsInitial1780272000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({ name: 'bpjs_family', columns: familyBaseTableColumns(), indices: familyTableIndices('bpjs_family') }),
    );
    await addListingKey(queryRunner, 'bpjs_family');
    await queryRunner.createTable(
      new Table({
        name: 'bpjs_enrolment',
        columns: [
          ...memberBaseTableColumns(),
          tableColumn.boolean('enrolled'),
          tableColumn.smallint('care_class'),
          tableColumn.varchar('since', 7),
          tableColumn.varchar('status', 9),
          tableColumn.varchar('segment', 8),
        ],
        indices: [...memberTableIndices('bpjs_enrolment'), { name: 'idx_bpjs_enrolment_segment', columnNames: ['segment'] }],
        foreignKeys: foreignKeyToFamilyTable('bpjs_enrolment', 'bpjs_family'),
      }),
    );
    await createAuditTable(queryRunner);
    await addAuditRequestId(queryRunner);
    await createImportTables(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropImportTables(queryRunner);
    await dropAuditTable(queryRunner);
    await queryRunner.dropTable('bpjs_enrolment');
    await queryRunner.dropTable('bpjs_family');
  }
}
