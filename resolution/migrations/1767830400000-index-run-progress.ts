import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../common/store/migration-columns';

// The gateway shows how far a run under way has come (the dashboard while `npm start` fills the
// index), so a run records its progress where the gateway reads runs. Runs from before keep 0 of 0
// and no progress time.
export class IndexRunProgress1767830400000 implements MigrationInterface {
  name = 'IndexRunProgress1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('resolution_run', [
      new TableColumn({ ...tableColumn.integer('families_done'), default: 0 }),
      new TableColumn({ ...tableColumn.integer('families_total'), default: 0 }),
      new TableColumn(tableColumn.varchar('progress_at', 24, true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('resolution_run', ['progress_at', 'families_total', 'families_done']);
  }
}
