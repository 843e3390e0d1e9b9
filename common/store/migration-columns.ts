import type { TableColumnOptions, TableForeignKeyOptions, TableIndexOptions } from 'typeorm';

// Building blocks of the registers' initial migrations, with the names entity-columns.ts uses.
// A migration is a frozen record of a schema change: change a table with a new migration, never
// by editing these.

/** Column builders, so each migration lists its columns one per line. */
export const tableColumn = {
  /** The auto-increment primary key `id`. */
  id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  smallint: (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'smallint', isNullable }),
  integer: (name: string): TableColumnOptions => ({ name, type: 'integer' }),
  boolean: (name: string): TableColumnOptions => ({ name, type: 'boolean' }),
  date: (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'date', isNullable }),
  varchar: (name: string, length: number, isNullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable,
  }),
};

const keyColumn = (name: string): TableColumnOptions => tableColumn.varchar(name, 16);

export function familyLinkedTableColumns(): TableColumnOptions[] {
  return [tableColumn.id(), keyColumn('no_kk')];
}

export function familyBaseTableColumns(): TableColumnOptions[] {
  return [
    ...familyLinkedTableColumns(),
    tableColumn.varchar('region_code', 10),
    tableColumn.varchar('address', 255),
    tableColumn.varchar('rt', 3),
    tableColumn.varchar('rw', 3),
  ];
}

export function memberBaseTableColumns(): TableColumnOptions[] {
  return [
    ...familyLinkedTableColumns(),
    keyColumn('nik'),
    tableColumn.varchar('name', 100),
    tableColumn.varchar('sex', 6),
    tableColumn.date('birth_date'),
    tableColumn.smallint('relationship'),
  ];
}

export function familyTableIndices(table: string): TableIndexOptions[] {
  return [
    { name: `uq_${table}_no_kk`, columnNames: ['no_kk'], isUnique: true },
    { name: `idx_${table}_region_code`, columnNames: ['region_code'] },
  ];
}

export function familyLinkedTableIndices(table: string): TableIndexOptions[] {
  return [{ name: `idx_${table}_no_kk`, columnNames: ['no_kk'] }];
}

export function memberTableIndices(table: string): TableIndexOptions[] {
  return [...familyLinkedTableIndices(table), { name: `idx_${table}_nik`, columnNames: ['nik'] }];
}

export function foreignKeyToFamilyTable(table: string, familyTable: string): TableForeignKeyOptions[] {
  return [
    {
      name: `fk_${table}_family`,
      columnNames: ['no_kk'],
      referencedTableName: familyTable,
      referencedColumnNames: ['no_kk'],
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
  ];
}
