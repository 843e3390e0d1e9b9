import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../common/store/migration-columns';

// Periods (issue 17): a run can resolve a period (`npm run resolve -- --period YYYY-MM`), and the
// index keeps every finished period: which run, each family's state where it changed from the
// period before, and the period's region counts. The summary's columns are spelled out, a frozen
// record of region_summary's at this change; a later measure there is added here in its migration.
const PROGRAMS = ['pkh', 'bpnt', 'pbi_jk', 'pip', 'blt_dd'];
const MEASURES = [
  'families',
  'persons',
  ...PROGRAMS.flatMap((p) => [`eligible_${p}`, `budget_${p}`]),
  ...PROGRAMS.flatMap((p) => [`on_target_${p}`, `inclusion_${p}`, `exclusion_${p}`]),
];
const period = (name = 'period') => tableColumn.varchar(name, 7);

export class IndexPeriods1780358400000 implements MigrationInterface {
  name = 'IndexPeriods1780358400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('resolution_run', new TableColumn(tableColumn.varchar('period', 7, true)));
    await queryRunner.createTable(
      new Table({
        name: 'resolution_period',
        columns: [
          { ...period(), isPrimary: true },
          tableColumn.integer('run_id'),
          tableColumn.varchar('finished_at', 24),
          tableColumn.varchar('rule_set', 16),
          tableColumn.varchar('evaluation_date', 10),
          tableColumn.integer('families'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'period_household',
        columns: [
          { ...tableColumn.varchar('no_kk', 16), isPrimary: true },
          { ...period(), isPrimary: true },
          tableColumn.varchar('until_period', 7, true),
          tableColumn.varchar('listing_key', 16),
          tableColumn.varchar('region_code', 10, true),
          tableColumn.smallint('desil', true),
          tableColumn.varchar('desil_source', 8, true),
          tableColumn.smallint('eligible'),
          tableColumn.varchar('targeting', 8),
          tableColumn.smallint('sources'),
          tableColumn.boolean('left_register'),
        ],
      }),
    );
    await queryRunner.createIndex('period_household', new TableIndex({ name: 'idx_period_household_period', columnNames: ['period'] }));
    await queryRunner.createIndex('period_household', new TableIndex({ name: 'idx_period_household_until_period', columnNames: ['until_period'] }));
    await queryRunner.createTable(
      new Table({
        name: 'period_region_summary',
        columns: [
          { ...period(), isPrimary: true },
          { ...tableColumn.varchar('region_code', 10), isPrimary: true },
          { ...tableColumn.smallint('desil'), isPrimary: true },
          ...MEASURES.map((name) => ({ name, type: 'bigint' })),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'period_region_issue_count',
        columns: [
          { ...period(), isPrimary: true },
          { ...tableColumn.varchar('region_code', 10), isPrimary: true },
          { ...tableColumn.varchar('code', 24), isPrimary: true },
          tableColumn.integer('families'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('period_region_issue_count');
    await queryRunner.dropTable('period_region_summary');
    await queryRunner.dropTable('period_household');
    await queryRunner.dropTable('resolution_period');
    await queryRunner.dropColumn('resolution_run', 'period');
  }
}
