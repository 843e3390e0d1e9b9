import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

// Statistics count persons per region; the index kept only families. Existing rows get 0 until the
// next run resolves them again (a run rewrites every row).
export class IndexPersons1767398400000 implements MigrationInterface {
  name = 'IndexPersons1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'resolved_household',
      new TableColumn({ name: 'persons', type: 'smallint', isNullable: false, default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('resolved_household', 'persons');
  }
}
