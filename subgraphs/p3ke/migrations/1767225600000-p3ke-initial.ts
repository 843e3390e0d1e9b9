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

export class P3keInitial1767225600000 implements MigrationInterface {
  name = 'P3keInitial1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'p3ke_family',
        columns: [
          ...familyBaseTableColumns(),
          tableColumn.smallint('desil'),
          tableColumn.boolean('extreme_poor'),
          tableColumn.boolean('liveable_house'),
          tableColumn.boolean('clean_water'),
          tableColumn.boolean('sanitation'),
        ],
        indices: [...familyTableIndices('p3ke_family'), { name: 'idx_p3ke_family_extreme_poor', columnNames: ['extreme_poor'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'p3ke_member',
        columns: [...memberBaseTableColumns(), tableColumn.boolean('in_school'), tableColumn.boolean('working')],
        indices: memberTableIndices('p3ke_member'),
        foreignKeys: foreignKeyToFamilyTable('p3ke_member', 'p3ke_family'),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'p3ke_intervention',
        columns: [...familyLinkedTableColumns(), tableColumn.varchar('program', 32), tableColumn.smallint('year')],
        indices: familyLinkedTableIndices('p3ke_intervention'),
        foreignKeys: foreignKeyToFamilyTable('p3ke_intervention', 'p3ke_family'),
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('p3ke_intervention');
    await queryRunner.dropTable('p3ke_member');
    await queryRunner.dropTable('p3ke_family');
  }
}
