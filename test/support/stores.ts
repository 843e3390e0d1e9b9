import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { Register } from '../../common/store-url';
import { STORE_OWNING_SUBGRAPHS } from '../../subgraphs/registry';

/** A store URL per subgraph of the registry that owns a store, the registers' by name. */
export type StoreUrls = Readonly<Record<Register, string>> & Readonly<Record<string, string>>;

const NAMES = STORE_OWNING_SUBGRAPHS.map((subgraph) => subgraph.name);

export type StoreKind = 'sqlite' | 'mysql';

export interface TestStores {
  readonly urls: StoreUrls;
  /** Drops the databases or deletes the files. */
  readonly remove: () => Promise<void>;
}

/** The store kinds the suites run on: SQLite always, MySQL too when MYSQL_URL is set (CI sets it). */
export function storeKinds(): StoreKind[] {
  return process.env['MYSQL_URL'] ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** Fresh, empty stores of one kind, one per subgraph that owns a store, private to the calling test; MySQL ones on `mysqlServer`. */
export function createTestStores(kind: StoreKind, mysqlServer = process.env['MYSQL_URL']): TestStores {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'dtsen-test-'));
    const urls = Object.fromEntries(NAMES.map((r) => [r, `sqlite:${path.join(dir, `${r}.sqlite`)}`]));
    return { urls: urls as StoreUrls, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = mysqlServer;
  if (!server) throw new Error('MYSQL_URL is not set');
  const prefix = `dtsen_test_${randomBytes(4).toString('hex')}`;
  const databases = Object.fromEntries(NAMES.map((r) => [r, `${prefix}_${r}`])) as Record<string, string>;
  const urls = Object.fromEntries(
    NAMES.map((r) => {
      const url = new URL(server);
      url.pathname = `/${databases[r]}`;
      return [r, url.toString()];
    }),
  );
  return {
    urls: urls as StoreUrls,
    remove: async () => {
      const connection = await mysql.createConnection(server);
      try {
        for (const database of Object.values(databases)) await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
