import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { StoreKind } from '../support/stores';

export interface TestIndexStore {
  readonly url: string;
  /** Drops the database or deletes the file. */
  readonly remove: () => Promise<void>;
}

/** A fresh, empty index store of one kind, private to the calling test. */
export function createTestIndexStore(kind: StoreKind, mysqlServer = process.env['MYSQL_URL']): TestIndexStore {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'dtsen-index-test-'));
    return { url: `sqlite:${path.join(dir, 'index.sqlite')}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = mysqlServer;
  if (!server) throw new Error('MYSQL_URL is not set');
  const database = `dtsen_test_${randomBytes(4).toString('hex')}_index`;
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    remove: async () => {
      const connection = await mysql.createConnection(server);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
