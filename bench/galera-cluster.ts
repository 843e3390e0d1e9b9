import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';

// A three-node MariaDB Galera cluster of the bench's own: three private mariadbd processes, each with
// its own data directory, socket and loopback address (127.0.0.1, .2, .3), all on one port, as the
// servers of a real cluster are on their own machines. The shared server on 3306 is never touched.

export const MARIADBD = '/usr/sbin/mariadbd';
export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const INSTALL_DB = 'mariadb-install-db';
const SYNC_TIMEOUT_MS = 180_000;

/** What is missing to run a Galera cluster here, with how to install it; null when nothing is. */
export function galeraPrerequisites(): string | null {
  const missing: string[] = [];
  if (!existsSync(GALERA_PROVIDER)) missing.push(`the Galera provider ${GALERA_PROVIDER}: apt-get install galera-4`);
  if (!existsSync(MARIADBD)) missing.push(`${MARIADBD}: apt-get install mariadb-server`);
  if (spawnSync('rsync', ['--version']).error) missing.push('rsync, for state transfers: apt-get install rsync');
  return missing.length === 0 ? null : `This bench needs ${missing.join('; ')}`;
}

export interface NodeStatus {
  /** wsrep_local_state_comment: Synced, Joining, Donor/Desynced… */
  readonly state: string;
  readonly clusterSize: number;
}

export interface GaleraNode {
  readonly name: string;
  readonly host: string;
  /** `mysql://root@<host>:<port>`: this node alone. */
  readonly url: string;
  readonly pid: number | null;
}

export interface Rejoin {
  readonly seconds: number;
  /** How the node caught up: IST (the writes it missed, from a donor's cache) or SST (a full copy). */
  readonly transfer: 'IST' | 'SST';
  /** The write sets it received by IST (after the copy, for an SST). */
  readonly istEvents: number;
  /** Whether it recovered its position from its own data before starting (else it needed a full copy). */
  readonly recoveredPosition: boolean;
}

export interface GaleraCluster {
  readonly nodes: readonly GaleraNode[];
  /** `mysql://root@127.0.0.1,127.0.0.2,127.0.0.3:<port>`: the store URL of the whole cluster. */
  readonly url: string;
  status(index: number): Promise<NodeStatus | null>;
  /** SIGKILL to the node's mariadbd, as a machine lost; resolves when it has exited. */
  kill(index: number): Promise<void>;
  /** Starts a killed node again, from the position it recovers; resolves when it is Synced. */
  rejoin(index: number, donor: string): Promise<Rejoin>;
  /** Stops every node and deletes the data directories, first copying the nodes' logs into `keepLogsIn` when given. */
  remove(keepLogsIn?: string): Promise<void>;
}

async function freePortOnAll(hosts: readonly string[], taken: readonly number[]): Promise<number> {
  for (;;) {
    const probe = createServer().listen(0, hosts[0]);
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    probe.close();
    if (taken.includes(port)) continue;
    const others = await Promise.all(
      hosts.slice(1).map(async (host) => {
        const server = createServer();
        try {
          server.listen(port, host);
          await once(server, 'listening');
          return true;
        } catch {
          return false;
        } finally {
          server.close();
        }
      }),
    );
    if (others.every(Boolean)) return port;
  }
}

export async function nodeStatus(url: string): Promise<NodeStatus | null> {
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 1_000 });
    try {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size')",
      );
      const value = (name: string) => rows.find((row) => row['Variable_name'] === name)?.['Value'] as string | undefined;
      return { state: value('wsrep_local_state_comment') ?? 'unknown', clusterSize: Number(value('wsrep_cluster_size') ?? 0) };
    } finally {
      await connection.end();
    }
  } catch {
    return null;
  }
}

/** The account the servers run as: `mysql` when the bench runs as root (rsync's SST daemon would otherwise drop to nobody). */
function serverAccount(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'mysql'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root, the bench starts mariadbd as the mysql account, which does not exist here');
  return { name: 'mysql', uid, gid: id('-g') };
}

/**
 * Starts the cluster: node 1 bootstraps it (`--wsrep-new-cluster`), nodes 2 and 3 join one after
 * the other (each by a state transfer from a synced node); resolves when all three are Synced.
 */
export async function startGaleraCluster(log: (line: string) => void, signal: AbortSignal, size = 3): Promise<GaleraCluster> {
  const root = mkdtempSync(path.join(tmpdir(), 'dtsen-galera-'));
  chmodSync(root, 0o755);
  const account = serverAccount();
  const hosts = Array.from({ length: size }, (_, index) => `127.0.0.${index + 1}`);
  const children: (ChildProcess | null)[] = hosts.map(() => null);
  const remove = async (keepLogsIn?: string): Promise<void> => {
    await Promise.all(children.map(async (child) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }));
    if (keepLogsIn) {
      mkdirSync(keepLogsIn, { recursive: true });
      for (const [index, host] of hosts.entries()) {
        const log = path.join(root, `node${index + 1}`, 'mariadbd.log');
        if (existsSync(log)) copyFileSync(log, path.join(keepLogsIn, `node${index + 1}-${host}.log`));
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const port = await freePortOnAll(hosts, []);
    const groupPort = await freePortOnAll(hosts, [port]);
    const istPort = await freePortOnAll(hosts, [port, groupPort]);
    const sstPort = await freePortOnAll(hosts, [port, groupPort, istPort]);
    const names = hosts.map((_, index) => `node${index + 1}`);
    const dirOf = (index: number) => path.join(root, names[index] as string);
    const logOf = (index: number) => path.join(dirOf(index), 'mariadbd.log');
    const nodeUrl = (index: number) => `mysql://root@${hosts[index]}:${port}`;

    const serverArgs = (index: number): string[] => {
      const host = hosts[index] as string;
      return [
        '--no-defaults',
        `--datadir=${path.join(dirOf(index), 'data')}`,
        `--port=${port}`,
        `--bind-address=${host}`,
        `--socket=${path.join(dirOf(index), 'mariadbd.sock')}`,
        `--pid-file=${path.join(dirOf(index), 'mariadbd.pid')}`,
        ...(account ? [`--user=${account.name}`] : []),
        // Reachable only from this machine, for the bench's life.
        '--skip-grant-tables',
        '--innodb-buffer-pool-size=128M',
        // What Galera requires of its servers.
        '--binlog-format=ROW',
        '--default-storage-engine=InnoDB',
        '--innodb-autoinc-lock-mode=2',
        // A commit is durable on the other nodes when it returns; the node's own log is written at
        // every commit and flushed to disk once a second, as Galera's documentation advises.
        '--innodb-flush-log-at-trx-commit=2',
        '--wsrep-on=ON',
        `--wsrep-provider=${GALERA_PROVIDER}`,
        '--wsrep-cluster-name=dtsen-bench',
        `--wsrep-cluster-address=gcomm://${hosts.map((peer) => `${peer}:${groupPort}`).join(',')}`,
        `--wsrep-node-address=${host}:${groupPort}`,
        `--wsrep-node-name=${names[index]}`,
        `--wsrep-provider-options=gmcast.listen_addr=tcp://${host}:${groupPort};ist.recv_addr=${host}:${istPort}`,
        // mariabackup is not installed here; rsync is Debian's default state transfer.
        '--wsrep-sst-method=rsync',
        `--wsrep-sst-receive-address=${host}:${sstPort}`,
      ];
    };

    const launch = (index: number, extra: readonly string[]): ChildProcess => {
      const child = spawn(MARIADBD, [...serverArgs(index), `--log-error=${logOf(index)}`, ...extra], { stdio: 'ignore' });
      children[index] = child;
      return child;
    };

    const waitSynced = async (index: number, clusterSize: number): Promise<void> => {
      const deadline = Date.now() + SYNC_TIMEOUT_MS;
      for (;;) {
        // Aborted while starting, the nodes started so far are removed below, before the caller exits.
        signal.throwIfAborted();
        const child = children[index];
        if (!child || child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`${names[index]} exited while joining; its log:\n${tail(logOf(index))}`);
        }
        const status = await nodeStatus(nodeUrl(index));
        if (status?.state === 'Synced' && status.clusterSize >= clusterSize) return;
        if (Date.now() > deadline) throw new Error(`${names[index]} was not Synced within ${SYNC_TIMEOUT_MS / 1000} s; its log:\n${tail(logOf(index))}`);
        await sleep(250);
      }
    };

    for (const [index, name] of names.entries()) {
      mkdirSync(dirOf(index));
      if (account) chownSync(dirOf(index), account.uid, account.gid);
      const install = spawnSync(
        INSTALL_DB,
        ['--no-defaults', `--datadir=${path.join(dirOf(index), 'data')}`, `--user=${account?.name ?? process.env['USER'] ?? 'root'}`, '--skip-test-db', '--auth-root-authentication-method=normal'],
        { encoding: 'utf8' },
      );
      if (install.status !== 0) throw new Error(`${INSTALL_DB} for ${name} failed: ${install.stderr || install.error?.message}`);
    }
    const started = performance.now();
    launch(0, ['--wsrep-new-cluster']);
    await waitSynced(0, 1);
    for (let index = 1; index < size; index += 1) {
      launch(index, []);
      await waitSynced(index, index + 1);
    }
    log(`Galera cluster of ${size} nodes Synced in ${((performance.now() - started) / 1000).toFixed(1)} s: ${hosts.map((host) => `${host}:${port}`).join(', ')} (group communication on port ${groupPort})`);

    /** The position a killed node recovers from its InnoDB log (what Debian's galera_recovery does before a start). */
    const recoveredPosition = (index: number): string | null => {
      const recoverLog = path.join(dirOf(index), 'recover.log');
      spawnSync(MARIADBD, [...serverArgs(index), '--wsrep-recover', `--log-error=${recoverLog}`], { stdio: 'ignore' });
      return /Recovered position:\s*(\S+:-?\d+)/.exec(existsSync(recoverLog) ? readFileSync(recoverLog, 'utf8') : '')?.[1] ?? null;
    };

    return {
      nodes: hosts.map((host, index) => ({
        name: names[index] as string,
        host,
        url: nodeUrl(index),
        get pid() {
          return children[index]?.pid ?? null;
        },
      })),
      url: `mysql://root@${hosts.join(',')}:${port}`,
      status: (index) => nodeStatus(nodeUrl(index)),
      async kill(index) {
        const child = children[index];
        if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`${names[index]} is not running`);
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
      async rejoin(index, donor) {
        const begun = performance.now();
        const position = recoveredPosition(index);
        const donorIndex = names.indexOf(donor);
        const logLength = (node: number) => (existsSync(logOf(node)) ? readFileSync(logOf(node), 'utf8').length : 0);
        const [joinerFrom, donorFrom] = [logLength(index), logLength(donorIndex)];
        // The donor named first, so that the node the clients moved to keeps serving while the state is copied.
        launch(index, [...(position ? [`--wsrep-start-position=${position}`] : []), `--wsrep-sst-donor=${donor},`]);
        await waitSynced(index, size);
        const joinLog = readFileSync(logOf(index), 'utf8').slice(joinerFrom);
        // The rsync script runs for an IST too, and then only tells the donor it skips the copy.
        const bypassed = readFileSync(logOf(donorIndex), 'utf8').slice(donorFrom).includes('Bypassing state dump');
        const istEvents = Number(/Receiving IST\.\.\. *100\.0% \((\d+)\/\d+ events\)/.exec(joinLog)?.[1] ?? 0);
        return { seconds: (performance.now() - begun) / 1000, transfer: bypassed ? 'IST' : 'SST', istEvents, recoveredPosition: position !== null };
      },
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}
