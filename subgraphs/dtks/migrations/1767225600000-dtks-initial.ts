import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  familyBaseTableColumns,
  familyLinkedTableColumns,
  familyLinkedTableIndices,
  familyTableIndices,
  foreignKeyToFamilyTable,
  memberBaseTableColumns,
  memberTableIndices,
  tableColumn,
} from '../../../common/store/migration-columns';

export class DtksInitial1767225600000 implements MigrationInterface {
  name = 'DtksInitial1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'dtks_family',
        columns: [
          ...familyBaseTableColumns(),
          tableColumn.varchar('dtks_id', 32),
          tableColumn.varchar('verification_status', 10),
          tableColumn.date('verified_at', true),
          tableColumn.boolean('active'),
          tableColumn.smallint('welfare_percentile', true),
        ],
        indices: familyTableIndices('dtks_family'),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dtks_member',
        columns: memberBaseTableColumns(),
        indices: memberTableIndices('dtks_member'),
        foreignKeys: foreignKeyToFamilyTable('dtks_member', 'dtks_family'),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'dtks_receipt',
        columns: [
          ...familyLinkedTableColumns(),
          tableColumn.varchar('program', 8),
          tableColumn.date('since'),
          tableColumn.varchar('status', 10),
          tableColumn.varchar('pkh_components', 128),
        ],
        indices: familyLinkedTableIndices('dtks_receipt'),
        foreignKeys: foreignKeyToFamilyTable('dtks_receipt', 'dtks_family'),
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dtks_receipt');
    await queryRunner.dropTable('dtks_member');
    await queryRunner.dropTable('dtks_family');
  }
}
