import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { tableColumn } from '../../common/store/migration-columns';

// One row that a resolution run holds while it writes the index, so that a second run (npm run
// resolve while npm start's first run fills the index) is refused at once, or waits, instead of
// failing half-way on a locked store.
export class IndexRunLock1767916800000 implements MigrationInterface {
  name = 'IndexRunLock1767916800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'resolution_lock',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          tableColumn.varchar('holder', 200, true),
          tableColumn.varchar('acquired_at', 24, true),
          tableColumn.varchar('lease_until', 24, true),
          { name: 'run_id', type: 'integer', isNullable: true },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO resolution_lock (id) VALUES (1)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('resolution_lock');
  }
}
