import type { DataSource, EntitySchema, ObjectLiteral, QueryRunner } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { chunk } from './chunks';

/** Keys per `IN (...)` list and rows per INSERT: well inside every driver's limits. */
export const MAX_KEYS_PER_STATEMENT = 1_000;

/**
 * The hot reads and the audit append, without TypeORM's query builder and entity hydration: a
 * register call spent more CPU building `find`'s SQL and hydrating its rows than SQLite spent
 * running it (docs/performance.md, issue 18). The statements are built once per table and list
 * size; each row's values go through the driver's own `prepareHydratedValue` (booleans, dates,
 * the column transformers), exactly as `find` converts them, so the rows are equal to `find`'s.
 * They still run through the DataSource's query runners: counted and logged by its QueryLogger,
 * and reads go to a read replica where one is configured, as `find`'s do.
 */
export interface RowTable<Row> {
  /** Rows whose `property` (a column's property name) is one of `keys`, ordered by row id; one `IN (...)` query per 1,000 distinct keys. */
  rowsWhereIn(property: string, keys: readonly string[], order: 'ASC' | 'DESC'): Promise<Row[]>;
  /** The same, with only the `picked` properties read: for a narrow look-up such as a family's region. */
  pickWhereIn<Picked extends keyof Row & string>(property: string, keys: readonly string[], picked: readonly Picked[]): Promise<Pick<Row, Picked>[]>;
  /** Appends rows (every column but the generated id) in one statement per 1,000. */
  insert(rows: readonly Partial<Row>[]): Promise<void>;
}

/** better-sqlite3's prepared statement, as far as it is used here. */
interface SqliteStatement {
  raw(toggle: boolean): unknown;
}

/** TypeORM's better-sqlite3 runner: the statement it will run for `sql`, from its cache of prepared statements (not public API). */
interface SqliteRunner {
  getStmt?(sql: string): Promise<SqliteStatement>;
}

/**
 * Has better-sqlite3 answer `sql` with each row as an array of its values in select-list order
 * instead of an object keyed by column name: building those objects cost better-sqlite3 two to
 * three times what SQLite spent finding the rows (a member row has 23 columns; a page of 100
 * households reads about 760 rows). The mode belongs to TypeORM's cached statement, which its
 * `query` then runs, so the statement is still counted and logged as every other; a statement
 * prepared afresh (the cache dropped it meanwhile) answers with objects, which `hydrate` takes too.
 */
async function valuesAsArrays(runner: QueryRunner, sql: string): Promise<void> {
  const { getStmt } = runner as unknown as SqliteRunner;
  // A TypeORM without it (getStmt is internal) answers with objects, as before.
  if (runner.connection.driver.options.type !== 'better-sqlite3' || typeof getStmt !== 'function') return;
  const statement = await getStmt.call(runner, sql);
  statement.raw(true);
}

export function rowTable<Row extends ObjectLiteral>(dataSource: DataSource, entity: EntitySchema<Row>): RowTable<Row> {
  const metadata = dataSource.getMetadata(entity);
  const { driver } = dataSource;
  const table = driver.escape(metadata.tablePath);
  const selected = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
  const selectList = selected.map((column) => driver.escape(column.databaseName)).join(', ');
  const idColumn = metadata.primaryColumns[0];
  if (!idColumn) throw new Error(`${metadata.name} has no primary column`);
  const orderColumn = driver.escape(idColumn.databaseName);
  const inserted = metadata.columns.filter((column) => !column.isGenerated && !column.isVirtual);
  const insertHead = `INSERT INTO ${table} (${inserted.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  const insertTuple = `(${inserted.map(() => '?').join(', ')})`;
  const statements = new Map<string, string>();

  const columnOf = (property: string): ColumnMetadata => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  };

  const selectWhereIn = (columns: readonly ColumnMetadata[], property: string, count: number, order: 'ASC' | 'DESC'): string => {
    const list = columns === selected ? selectList : columns.map((column) => driver.escape(column.databaseName)).join(', ');
    const key = `${list} ${property} ${count} ${order}`;
    let sql = statements.get(key);
    if (sql === undefined) {
      const placeholders = Array.from({ length: count }, () => '?').join(', ');
      sql = `SELECT ${list} FROM ${table} WHERE ${driver.escape(columnOf(property).databaseName)} IN (${placeholders}) ORDER BY ${orderColumn} ${order}`;
      statements.set(key, sql);
    }
    return sql;
  };

  /** A row as `find` hydrates it, from its values in select-list order (`columns`) or keyed by column name. */
  const hydrate = (columns: readonly ColumnMetadata[], raw: readonly unknown[] | Record<string, unknown>): Row => {
    const row = {} as Row;
    const inOrder = Array.isArray(raw);
    for (let index = 0; index < columns.length; index += 1) {
      const column = columns[index] as ColumnMetadata;
      const value = inOrder ? raw[index] : (raw as Record<string, unknown>)[column.databaseName];
      if (value !== undefined) column.setEntityValue(row, driver.prepareHydratedValue(value, column));
    }
    return row;
  };

  /** The `columns` of the rows whose `property` is one of `keys`, by row id; one `IN (...)` per 1,000 distinct keys, on a reading runner (a replica where there is one). */
  const readWhereIn = async (columns: readonly ColumnMetadata[], property: string, keys: readonly string[], order: 'ASC' | 'DESC'): Promise<Row[]> => {
    const found: Row[] = [];
    for (const slice of chunk([...new Set(keys)], MAX_KEYS_PER_STATEMENT)) {
      const runner = dataSource.createQueryRunner('slave');
      try {
        const sql = selectWhereIn(columns, property, slice.length, order);
        await valuesAsArrays(runner, sql);
        const raw = (await runner.query(sql, slice)) as (unknown[] | Record<string, unknown>)[];
        for (const row of raw) found.push(hydrate(columns, row));
      } finally {
        await runner.release();
      }
    }
    return found;
  };

  return {
    rowsWhereIn: (property, keys, order) => readWhereIn(selected, property, keys, order),

    pickWhereIn: (property, keys, picked) => readWhereIn(picked.map(columnOf), property, keys, 'ASC'),

    async insert(rows) {
      for (const slice of chunk(rows, MAX_KEYS_PER_STATEMENT)) {
        const parameters: unknown[] = [];
        for (const row of slice) {
          for (const column of inserted) parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column));
        }
        await dataSource.query(`${insertHead}${Array.from(slice, () => insertTuple).join(', ')}`, parameters);
      }
    },
  };
}
