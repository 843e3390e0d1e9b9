import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

const MARIADBD = '/usr/sbin/mariadbd';
const START_TIMEOUT_MS = 30_000;

export interface PrivateMariaDb {
  /** `mysql://root@127.0.0.1:<port>`: a server without a database, as MYSQL_URL. */
  readonly url: string;
  /** Stops the server (SIGTERM, as a service manager does) and waits until it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves when it answers. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  remove(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function answers(url: string): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 1_000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * A MariaDB server of this test's own (own port, own data directory under the temp folder), for
 * tests that must stop a database: the shared server on 3306 is never touched. Grant tables are
 * skipped: the server is reachable only from this machine and lives for one test file.
 */
export async function startPrivateMariaDb(): Promise<PrivateMariaDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dtsen-mariadb-'));
  const datadir = path.join(dir, 'data');
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], {
    encoding: 'utf8',
  });
  if ((install.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error('This test starts a private MariaDB: install the server (apt-get install mariadb-server), which brings mariadb-install-db and mariadbd');
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr || install.error?.message}`);
  const port = await freePort();
  const url = `mysql://root@127.0.0.1:${port}`;
  let server: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(dir, 'mariadbd.sock')}`,
        `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
        '--user=root',
        '--skip-grant-tables',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answers(url))) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited at start:\n${log}`);
      if (Date.now() > deadline) throw new Error(`mariadbd did not answer within ${START_TIMEOUT_MS} ms:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const stop = async (): Promise<void> => {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url,
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
