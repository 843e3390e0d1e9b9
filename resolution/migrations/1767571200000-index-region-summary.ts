import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../common/store/migration-columns';

// `statistics` grouped every household of a region on each question: 0.3 s for a city at 1,000,000
// families while a run was under way (docs/scaling.md). The index now keeps its counts per village
// and desil, and per village and issue code, in step with every write; this fills them from the
// households already indexed. Programme lists are spelled out, a frozen record of this change.
const PROGRAMS = ['pkh', 'bpnt', 'pbi_jk', 'pip', 'blt_dd'];
const TARGETED_PROGRAMS = ['pkh', 'bpnt', 'pbi_jk', 'pip'];
const TARGETING_STATUSES = [
  ['on_target', 'ON_TARGET'],
  ['inclusion', 'INCLUSION_ERROR'],
  ['exclusion', 'EXCLUSION_ERROR'],
] as const;

const bigint = (name: string) => ({ name, type: 'bigint' });

/** [column, expression over the households of one village and desil]. */
function measures(): [string, string][] {
  return [
    ['families', 'COUNT(*)'],
    ['persons', 'SUM(h.persons)'],
    ...PROGRAMS.flatMap((p): [string, string][] => [
      [`eligible_${p}`, `SUM(CASE WHEN h.eligible_${p} = 1 THEN 1 ELSE 0 END)`],
      [`budget_${p}`, `SUM(CASE WHEN h.eligible_${p} = 1 THEN h.benefit_${p} ELSE 0 END)`],
    ]),
    ...TARGETED_PROGRAMS.flatMap((p) =>
      TARGETING_STATUSES.map(([measure, status]): [string, string] => [`${measure}_${p}`, `SUM(CASE WHEN h.targeting_${p} = '${status}' THEN 1 ELSE 0 END)`]),
    ),
  ];
}

export class IndexRegionSummary1767571200000 implements MigrationInterface {
  name = 'IndexRegionSummary1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'region_summary',
        columns: [
          { ...tableColumn.varchar('region_code', 10), isPrimary: true },
          { ...tableColumn.smallint('desil'), isPrimary: true },
          ...measures().map(([column]) => bigint(column)),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'region_issue_count',
        columns: [
          { ...tableColumn.varchar('region_code', 10), isPrimary: true },
          { ...tableColumn.varchar('code', 24), isPrimary: true },
          tableColumn.integer('families'),
        ],
      }),
    );
    const columns = measures();
    await queryRunner.query(
      `INSERT INTO region_summary (region_code, desil, ${columns.map(([column]) => column).join(', ')})
       SELECT h.region_code, COALESCE(h.desil, 0), ${columns.map(([, expression]) => expression).join(', ')}
       FROM resolved_household h WHERE h.region_code IS NOT NULL
       GROUP BY h.region_code, COALESCE(h.desil, 0)`,
    );
    await queryRunner.query(
      `INSERT INTO region_issue_count (region_code, code, families)
       SELECT h.region_code, i.code, COUNT(DISTINCT i.no_kk)
       FROM resolved_issue i INNER JOIN resolved_household h ON h.no_kk = i.no_kk WHERE h.region_code IS NOT NULL
       GROUP BY h.region_code, i.code`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('region_issue_count');
    await queryRunner.dropTable('region_summary');
  }
}
