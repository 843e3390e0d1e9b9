import type { EntitySchema, QueryRunner } from 'typeorm';
import { chunk } from './chunks';

/**
 * Bound parameters per INSERT: under SQLite's limit of 32,766 variables, and a few hundred
 * kilobytes of SQL for MySQL (far below its packet limit).
 */
const MAX_PARAMETERS_PER_STATEMENT = 30_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

/**
 * Inserts `rows` of `entity` with multi-row INSERT statements on the runner's connection (the
 * caller owns the transaction). Generated columns (row ids) are left to the database. This skips
 * TypeORM's per-entity persistence machinery, which is what makes seeding 100,000 families fast.
 */
export async function insertRows<Row extends object>(
  runner: QueryRunner,
  entity: EntitySchema<Row>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = runner.connection;
  const metadata = runner.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isGenerated);
  const columnList = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length)));
  for (const slice of chunk(rows, rowsPerStatement)) {
    const parameters: unknown[] = [];
    for (const row of slice) {
      for (const column of columns) {
        const value = (row as Record<string, unknown>)[column.propertyName];
        parameters.push(value === undefined ? null : driver.preparePersistentValue(value, column));
      }
    }
    const values = new Array<string>(slice.length).fill(placeholders).join(', ');
    await runner.query(`INSERT INTO ${driver.escape(metadata.tableName)} (${columnList}) VALUES ${values}`, parameters);
  }
}
