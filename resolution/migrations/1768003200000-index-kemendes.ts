import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

// Kemendes joins the registers: whether it holds a family, and BLT-DD targeting (receipt from
// Kemendes against eligibility), which was not known before. Existing rows get "not held" and
// NOT_TARGETED, and their villages' summary counts 0, until the next run resolves them again (a run
// rewrites every row and its summary). Names spelled out: a frozen record of this change.
const SUMMARY_COLUMNS = ['on_target_blt_dd', 'inclusion_blt_dd', 'exclusion_blt_dd'];

export class IndexKemendes1768003200000 implements MigrationInterface {
  name = 'IndexKemendes1768003200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('resolved_household', [
      new TableColumn({ name: 'in_kemendes', type: 'boolean', isNullable: false, default: 0 }),
      new TableColumn({ name: 'targeting_blt_dd', type: 'varchar', length: '16', isNullable: false, default: "'NOT_TARGETED'" }),
    ]);
    await queryRunner.createIndex(
      'resolved_household',
      new TableIndex({ name: 'idx_resolved_household_targeting_blt_dd', columnNames: ['targeting_blt_dd'] }),
    );
    await queryRunner.addColumns(
      'region_summary',
      SUMMARY_COLUMNS.map((name) => new TableColumn({ name, type: 'bigint', isNullable: false, default: 0 })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of SUMMARY_COLUMNS) await queryRunner.dropColumn('region_summary', name);
    await queryRunner.dropIndex('resolved_household', 'idx_resolved_household_targeting_blt_dd');
    await queryRunner.dropColumn('resolved_household', 'targeting_blt_dd');
    await queryRunner.dropColumn('resolved_household', 'in_kemendes');
  }
}
