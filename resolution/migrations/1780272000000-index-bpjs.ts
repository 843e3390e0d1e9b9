import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

// BPJS Kesehatan became a register dtsen reads: the index records whether it holds each family.
// Families indexed before are false until the next run resolves them again.
export class IndexBpjs1780272000000 implements MigrationInterface {
  name = 'IndexBpjs1780272000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('resolved_household', new TableColumn({ name: 'in_bpjs', type: 'boolean', isNullable: false, default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('resolved_household', 'in_bpjs');
  }
}
