import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

// Targeting gained GRADUATION_CANDIDATE (receiving, and ineligible only by a desil above the
// programme's cut-off), 20 characters: the targeting columns widen from 16 to 24, and the region
// summaries (the current one, and each kept period's copy) count graduation candidates per programme
// apart from inclusion errors. Rows stored before
// keep INCLUSION_ERROR, and their villages count 0 candidates, until the next run resolves them
// again (a run rewrites every row and its summary). Names spelled out: a frozen record of this change.
const TARGETING_COLUMNS = ['targeting_pkh', 'targeting_bpnt', 'targeting_pbi_jk', 'targeting_pip', 'targeting_blt_dd'];
const SUMMARY_TABLES = ['region_summary', 'period_region_summary'];
const SUMMARY_COLUMNS = ['graduation_pkh', 'graduation_bpnt', 'graduation_pbi_jk', 'graduation_pip', 'graduation_blt_dd'];

/**
 * MySQL widens the columns in place, keeping their values and indexes (TypeORM's changeColumn would
 * drop and re-add them, values and all); SQLite declares a length it does not enforce, so TypeORM
 * rebuilds the table for the declaration to match the entities.
 */
async function setTargetingLength(queryRunner: QueryRunner, length: number): Promise<void> {
  if (queryRunner.connection.driver.options.type !== 'better-sqlite3') {
    const modify = (name: string) =>
      `MODIFY ${name} varchar(${length}) NOT NULL${name === 'targeting_blt_dd' ? " DEFAULT 'NOT_TARGETED'" : ''}`;
    await queryRunner.query(`ALTER TABLE resolved_household ${TARGETING_COLUMNS.map(modify).join(', ')}`);
    return;
  }
  const table = await queryRunner.getTable('resolved_household');
  if (!table) throw new Error('resolved_household is missing');
  const changes = TARGETING_COLUMNS.map((name) => {
    const oldColumn = table.findColumnByName(name);
    if (!oldColumn) throw new Error(`resolved_household.${name} is missing`);
    return { oldColumn, newColumn: new TableColumn({ ...oldColumn, length: String(length) }) };
  });
  await queryRunner.changeColumns(table, changes);
}

export class IndexGraduation1780444800000 implements MigrationInterface {
  name = 'IndexGraduation1780444800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setTargetingLength(queryRunner, 24);
    for (const summary of SUMMARY_TABLES) {
      await queryRunner.addColumns(
        summary,
        SUMMARY_COLUMNS.map((name) => new TableColumn({ name, type: 'bigint', isNullable: false, default: 0 })),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const summary of SUMMARY_TABLES) await queryRunner.dropColumns(summary, SUMMARY_COLUMNS);
    await queryRunner.query(
      `UPDATE resolved_household SET ${TARGETING_COLUMNS.map((name) => `${name} = CASE WHEN ${name} = 'GRADUATION_CANDIDATE' THEN 'INCLUSION_ERROR' ELSE ${name} END`).join(', ')}`,
    );
    await setTargetingLength(queryRunner, 16);
  }
}
