import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../common/store/migration-columns';

// A frozen record of the index's first schema: programme lists are spelled out, not imported, so a
// later rule set cannot change what this migration does.
const PROGRAMS = ['pkh', 'bpnt', 'pbi_jk', 'pip', 'blt_dd'];
const TARGETED_PROGRAMS = ['pkh', 'bpnt', 'pbi_jk', 'pip'];


export class IndexInitial1767312000000 implements MigrationInterface {
  name = 'IndexInitial1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'resolved_household',
        columns: [
          { ...tableColumn.varchar('no_kk', 16), isPrimary: true },
          tableColumn.varchar('region_code', 10, true),
          tableColumn.smallint('desil', true),
          tableColumn.varchar('desil_source', 8, true),
          { ...tableColumn.boolean('desil_conflict'), isNullable: true },
          tableColumn.boolean('in_dtks'),
          tableColumn.boolean('in_regsosek'),
          tableColumn.boolean('in_p3ke'),
          ...PROGRAMS.flatMap((program) => [tableColumn.boolean(`eligible_${program}`), tableColumn.integer(`benefit_${program}`)]),
          ...TARGETED_PROGRAMS.map((program) => tableColumn.varchar(`targeting_${program}`, 16)),
          tableColumn.varchar('rule_set', 16),
          tableColumn.integer('run_id'),
          tableColumn.varchar('resolved_at', 24),
        ],
        indices: [
          { name: 'idx_resolved_household_region_code', columnNames: ['region_code'] },
          { name: 'idx_resolved_household_desil', columnNames: ['desil'] },
          { name: 'idx_resolved_household_run_id', columnNames: ['run_id'] },
          ...TARGETED_PROGRAMS.map((program) => ({
            name: `idx_resolved_household_targeting_${program}`,
            columnNames: [`targeting_${program}`],
          })),
          ...PROGRAMS.map((program) => ({ name: `idx_resolved_household_eligible_${program}`, columnNames: [`eligible_${program}`] })),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resolved_issue',
        columns: [
          tableColumn.id(),
          tableColumn.varchar('no_kk', 16),
          tableColumn.smallint('position'),
          tableColumn.varchar('code', 24),
          tableColumn.varchar('nik', 16, true),
          tableColumn.varchar('sources', 32),
        ],
        indices: [
          { name: 'idx_resolved_issue_no_kk', columnNames: ['no_kk'] },
          { name: 'idx_resolved_issue_code', columnNames: ['code'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resolution_run',
        columns: [
          tableColumn.id(),
          tableColumn.varchar('rule_set', 16),
          tableColumn.varchar('evaluation_date', 10),
          tableColumn.varchar('started_at', 24),
          tableColumn.varchar('finished_at', 24, true),
          tableColumn.integer('families'),
          tableColumn.varchar('cursors', 2000),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('resolution_run');
    await queryRunner.dropTable('resolved_issue');
    await queryRunner.dropTable('resolved_household');
  }
}
