import { mkdirSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import type { Logger } from '../logging/logger';
import { firstAcceptingHost, mysqlHostsOf } from './mysql-hosts';
import { QueryLogger } from './query-logger';

/** The tables and migrations of one register's store. */
export interface StoreDefinition {
  readonly entities: readonly EntitySchema<any>[];
  readonly migrations: MixedList<Function>;
}

export interface StoreOptions {
  /** Called with every SQL statement the store runs. */
  readonly onQuery?: (sql: string) => void;
  /**
   * Read replicas of a MySQL store (`mysql://user:pass@host:port/db`): reads outside transactions
   * go to them, writes, transactions and migrations to the primary (the URL). Refused for SQLite.
   */
  readonly replicaUrls?: readonly string[];
  /** Where failed statements, slow ones and migrations are logged; default: nowhere. */
  readonly logger?: Logger;
  /** Statements slower than this are logged as warnings (LoggingConfig.slowQueryMs). */
  readonly slowQueryMs?: number;
}

const MYSQL_POOL_SIZE = 10;
/** Requests waiting for a pooled connection beyond this fail fast instead of piling up. */
const MYSQL_QUEUE_LIMIT = 200;
const MYSQL_CONNECT_TIMEOUT_MS = 10_000;
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a register's store from its URL (`sqlite:<path>` or `mysql://user:pass@host:port/db`) and
 * brings its schema up to date with the register's migrations (on the primary: replicas receive
 * them by replication).
 */
export async function openStore(url: string, definition: StoreDefinition, options: StoreOptions = {}): Promise<DataSource> {
  const common = {
    entities: [...definition.entities],
    migrations: definition.migrations,
    migrationsRun: false,
    synchronize: false,
    logger: new QueryLogger(options.onQuery, options.logger),
    ...(options.slowQueryMs === undefined ? {} : { maxQueryExecutionTime: options.slowQueryMs }),
  } as const;
  const dataSource = new DataSource({ ...common, ...(await driverOptions(url, options.replicaUrls ?? [])) } as DataSourceOptions);
  await dataSource.initialize();
  try {
    await runMigrationsAlone(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** How long a replica starting beside another waits for the other's migrations. */
const MIGRATION_LOCK_TIMEOUT_S = 120;

/**
 * Runs pending migrations on the primary. On MySQL, replicas of a subgraph or the gateway start
 * together against one database: a named lock lets one migrate while the others wait, then find
 * nothing pending (TypeORM's migrations take no lock of their own).
 */
async function runMigrationsAlone(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') {
    await dataSource.runMigrations();
    return;
  }
  const lockName = `dtsen_migrate_${dataSource.driver.database ?? ''}`;
  const holder = dataSource.createQueryRunner('master');
  try {
    const [acquired] = await holder.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, MIGRATION_LOCK_TIMEOUT_S]);
    if (Number(acquired?.acquired) !== 1) throw new Error(`Timed out after ${MIGRATION_LOCK_TIMEOUT_S} s waiting for another process's migrations`);
    try {
      await dataSource.runMigrations();
    } finally {
      await holder.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await holder.release();
  }
}

export async function closeStore(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}

async function driverOptions(url: string, replicaUrls: readonly string[]): Promise<Partial<DataSourceOptions>> {
  if (url.startsWith('sqlite:')) {
    if (replicaUrls.length > 0) throw new Error('A sqlite: store has no read replicas; replica URLs need a mysql: store');
    return sqliteOptions(url.slice('sqlite:'.length));
  }
  if (url.startsWith('mysql:')) return mysqlOptions(url, replicaUrls);
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw new Error(`Unsupported store URL scheme "${scheme}"; use sqlite:<path> or mysql://user:pass@host:port/db`);
}

function sqliteOptions(file: string): Partial<DataSourceOptions> {
  if (file === '') throw new Error('A sqlite: store URL needs a file path, e.g. sqlite:data/dtks.sqlite');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: file,
    enableWAL: file !== ':memory:',
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    // SQLite's default (FULL) syncs the WAL on every commit: 3.4 ms measured here, and better-sqlite3
    // blocks the event loop for it, once per audited request. NORMAL in WAL mode still survives a
    // crash of the process; only a power cut or kernel crash can lose the last commits. The MariaDB
    // store is the one for deployments that need every audit entry on disk before the answer.
    prepareDatabase: (database: { pragma: (source: string) => unknown }) => {
      database.pragma('synchronous = NORMAL');
    },
  };
}

interface MysqlTarget {
  /** One server, or the nodes of a cluster, tried in this order (common/store/mysql-hosts.ts). */
  readonly hosts: readonly string[];
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** The server (or cluster nodes) and credentials of a `mysql://` URL; `database` empty when it names none. */
function parseMysqlServer(url: string): MysqlTarget {
  const parsed = new URL(url);
  return {
    hosts: mysqlHostsOf(parsed.hostname),
    port: parsed.port === '' ? 3306 : Number(parsed.port),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

/**
 * One connection to the server of a `mysql://` URL (the first accepting node of a host list), in
 * its database when it names one: for tools that work on the server itself, such as the bench.
 */
export function connectMysqlServer(url: string): Promise<mysql.Connection> {
  return connectTo(parseMysqlServer(url));
}

function connectTo(target: MysqlTarget): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: target.hosts[0] as string,
    port: target.port,
    user: target.user,
    password: target.password,
    ...(target.database === '' ? {} : { database: target.database }),
    connectTimeout: MYSQL_CONNECT_TIMEOUT_MS,
    ...hostListOptions(target),
  });
}

function parseMysqlUrl(url: string): MysqlTarget {
  const target = parseMysqlServer(url);
  const { database } = target;
  // The name goes into CREATE DATABASE, which cannot take it as a parameter.
  if (!/^[A-Za-z0-9_]{1,64}$/.test(database)) {
    throw new Error('A mysql: store URL needs a database name of letters, digits and _, e.g. mysql://user:pass@host:3306/dtsen_dtks');
  }
  return target;
}

function credentials(target: MysqlTarget) {
  return { host: target.hosts[0] as string, port: target.port, username: target.user, password: target.password, database: target.database };
}

async function mysqlOptions(url: string, replicaUrls: readonly string[]): Promise<Partial<DataSourceOptions>> {
  const target = parseMysqlUrl(url);
  // Parsed before connecting so a bad replica URL fails as fast as a bad primary one.
  const replicas = replicaUrls.map(parseMysqlUrl);
  // TypeORM passes one set of driver options to the primary and the replicas alike.
  if ([target, ...replicas].some((server) => server.hosts.length > 1) && replicas.length > 0) {
    throw new Error('A mysql: store with read replicas names one server per URL; a host list (a cluster\'s nodes) takes no replicas');
  }
  const server = await createDatabaseIfMissing(target);
  const location = replicas.length === 0 ? credentials(target) : { replication: { master: credentials(target), slaves: replicas.map(credentials) } };
  return {
    // TypeORM reads MariaDB's catalogue differently (e.g. how it reports a NULL default).
    type: server === 'mariadb' ? 'mariadb' : 'mysql',
    ...location,
    charset: 'utf8mb4',
    // Dates are calendar days (YYYY-MM-DD); reading them as strings keeps time zones out.
    dateStrings: true,
    connectTimeout: MYSQL_CONNECT_TIMEOUT_MS,
    poolSize: MYSQL_POOL_SIZE,
    extra: { waitForConnections: true, queueLimit: MYSQL_QUEUE_LIMIT, ...hostListOptions(target) },
  };
}

/** For a host list, the connections' stream opener that tries its servers in order. */
function hostListOptions(target: MysqlTarget): { stream?: () => unknown } {
  return target.hosts.length > 1 ? { stream: firstAcceptingHost(target.hosts, target.port) } : {};
}

/** Creates the database when missing and tells which server this is. */
async function createDatabaseIfMissing(target: MysqlTarget): Promise<'mariadb' | 'mysql'> {
  // Without the database, which may not exist yet.
  const connection = await connectTo({ ...target, database: '' });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4`);
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.['version'] ?? '').includes('MariaDB') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
