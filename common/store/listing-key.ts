import { randomBytes } from 'node:crypto';
import { TableColumn, TableIndex, type QueryRunner } from 'typeorm';

// Listings are ordered by a random key each family gets when it is first stored, not by No. KK:
// an order by No. KK would tell a caller who sees only masked keys how the hidden digits of
// neighbouring families compare. A random key says nothing about the family it orders.

/** 16 hex digits, drawn when a family is first stored and kept while it stays. */
export function newListingKey(): string {
  return randomBytes(8).toString('hex');
}

export const LISTING_KEY_COLUMN = 'listing_key';

export function listingKeyIndexName(table: string): string {
  return `idx_${table}_listing_key`;
}

/**
 * Adds the listing key to a family table, draws one for every stored family and indexes the
 * listing order (listing key, No. KK). Each store's own migration calls it; a migration is a
 * frozen record, so a later change to the column gets a migration of its own.
 */
export async function addListingKey(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.addColumn(table, new TableColumn({ name: LISTING_KEY_COLUMN, type: 'varchar', length: '16', isNullable: true }));
  const random = queryRunner.connection.options.type === 'better-sqlite3' ? 'lower(hex(randomblob(8)))' : 'LOWER(HEX(RANDOM_BYTES(8)))';
  await queryRunner.query(`UPDATE ${queryRunner.connection.driver.escape(table)} SET ${LISTING_KEY_COLUMN} = ${random}`);
  await queryRunner.createIndex(table, new TableIndex({ name: listingKeyIndexName(table), columnNames: [LISTING_KEY_COLUMN, 'no_kk'] }));
}

export async function dropListingKey(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.dropIndex(table, listingKeyIndexName(table));
  await queryRunner.dropColumn(table, LISTING_KEY_COLUMN);
}
