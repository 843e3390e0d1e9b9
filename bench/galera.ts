// `npm run bench:galera -- [--families 10000] [--import-families 10000] [--clients 4]`
// Proves the registers survive losing a database server (issue 18): starts a private three-node
// MariaDB Galera cluster (bench/galera-cluster.ts), seeds the stores on it, runs the registers and
// our gateway against it (one store URL naming the three nodes: common/store/mysql-hosts.ts), and
// while clients look households up through the gateway and `npm run import` loads a Regsosek export,
// SIGKILLs the node everything is connected to. Then it restarts that node, waits until it is
// Synced, and checks: rows in = stored + rejected, the same rows and checksums on every node, and
// what the clients got before, while the node was down, while it rejoined and after. The cluster
// and every temporary file are removed at the end, also on failure or Ctrl-C.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import mysql from 'mysql2/promise';
import { REGISTERS } from '../common/store-url';
import { signLocalToken } from '../gateway/auth/local-token';
import { exportGeneratedCsv } from '../import/export-csv';
import { startService, stopAll, waitUntilReady, type RunningService } from '../scripts/start/processes';
import { galeraPrerequisites, startGaleraCluster, type GaleraCluster, type Rejoin } from './galera-cluster';
import { baselineAnswers, startLookupLoad, type Answer } from './galera-load';
import { startGateways } from './gateways';
import { percentile } from './load';
import { openBenchStores, seedOrReuse } from './stores';
import { benchProcessEnv, registerAddresses } from './process-env';

const EVALUATION_DATE = '2026-01-15';
// Generous: five registers and a gateway start at once beside three database servers on a shared machine.
const READY_TIMEOUT_MS = 180_000;
const LOOKUP_KEYS = 100;
/** Nusa Tenggara Timur: the imported families, whose No. KKs start 53, are none of the seeded (DKI Jakarta) ones. */
const IMPORT_REGION = '53';
const IMPORT_SEED = 2;
const IMPORT_BATCH = 250;
const SECONDS_BEFORE = 5;
const SECONDS_AFTER = 5;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer().listen(0, '127.0.0.1');
      await once(server, 'listening');
      return server;
    }),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function onNode<T>(url: string, work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 2_000 });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

interface LedgerRow {
  readonly status: string;
  readonly rowsIn: number;
  readonly rowsStored: number;
  readonly rowsRejected: number;
  readonly familiesWritten: number;
}

async function ledgerOn(url: string, database: string): Promise<LedgerRow | null> {
  return onNode(url, async (connection) => {
    const [tables] = await connection.query<mysql.RowDataPacket[]>('SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [database, 'import_ledger']);
    if (tables.length === 0) return null;
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      `SELECT status, rows_in, rows_stored, rows_rejected, families_written FROM \`${database}\`.import_ledger ORDER BY id DESC LIMIT 1`,
    );
    const row = rows[0];
    return row
      ? { status: String(row['status']), rowsIn: Number(row['rows_in']), rowsStored: Number(row['rows_stored']), rowsRejected: Number(row['rows_rejected']), familiesWritten: Number(row['families_written']) }
      : null;
  });
}

/** Every table of the bench's databases on one node: its rows and its CHECKSUM TABLE. */
async function tableFingerprints(url: string, databases: readonly string[]): Promise<Map<string, string>> {
  return onNode(url, async (connection) => {
    const fingerprints = new Map<string, string>();
    for (const database of databases) {
      const [tables] = await connection.query<mysql.RowDataPacket[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name", [database]);
      for (const { name } of tables) {
        const table = `\`${database}\`.\`${String(name)}\``;
        const [[count]] = (await connection.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`)) as unknown as [mysql.RowDataPacket[]];
        const [[checksum]] = (await connection.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${table}`)) as unknown as [mysql.RowDataPacket[]];
        fingerprints.set(`${database}.${String(name)}`, `${Number(count?.['n'])} rows, checksum ${String(checksum?.['Checksum'])}`);
      }
    }
    return fingerprints;
  });
}

interface Phase {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

function phaseRow(phase: Phase, answers: readonly Answer[]): string {
  const within = answers.filter((answer) => answer.at >= phase.from && answer.at < phase.to);
  const count = (outcome: Answer['outcome']) => within.filter((answer) => answer.outcome === outcome).length;
  const latencies = within.map((answer) => answer.ms).sort((a, b) => a - b);
  const whole = within.filter((answer) => answer.outcome === 'whole').map((answer) => answer.at);
  // The longest time without a whole answer: how long clients waited on the cluster.
  let gap = 0;
  let last = phase.from;
  for (const at of whole) {
    gap = Math.max(gap, at - last);
    last = at;
  }
  gap = Math.max(gap, phase.to - last);
  const rate = within.length / ((phase.to - phase.from) / 1000);
  return `| ${phase.name} | ${seconds(phase.to - phase.from)} | ${within.length} | ${count('whole')} | ${count('clean error')} | ${count('broken')} | ${rate.toFixed(1)} | ${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 99).toFixed(0)} | ${seconds(gap)} |`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      families: { type: 'string', default: '10000' },
      'import-families': { type: 'string', default: '10000' },
      clients: { type: 'string', default: '4' },
    },
  });
  const families = Number(values.families);
  const importFamilies = Number(values['import-families']);
  const clients = Number(values.clients);
  const missing = galeraPrerequisites();
  if (missing) {
    console.error(missing);
    return 1;
  }
  const command = `npm run bench:galera -- --families ${families} --import-families ${importFamilies} --clients ${clients}`;
  const work = mkdtempSync(path.join(os.tmpdir(), 'dtsen-galera-bench-'));
  const services: RunningService[] = [];
  let cluster: GaleraCluster | null = null;
  let succeeded = false;
  let cleaning: Promise<void> | null = null;
  // Once, whether a signal or the end of the run asks first.
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await stopAll(services);
      const logs = succeeded ? undefined : path.join(os.tmpdir(), `dtsen-galera-logs-${process.pid}`);
      await cluster?.remove(logs);
      if (logs && cluster) console.error(`the nodes' logs are in ${logs}`);
      rmSync(work, { recursive: true, force: true });
    })());
  const abort = new AbortController();
  let starting: Promise<unknown> = Promise.resolve();
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping the bench's processes and removing the cluster`);
    abort.abort();
    void starting
      .catch(() => undefined)
      .then(cleanUp)
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const start = startGaleraCluster((line) => console.log(line), abort.signal);
    starting = start;
    cluster = await start;
    const stores = openBenchStores({ kind: 'mariadb', families, mysqlUrl: cluster.url, keepData: false });
    const seeded = await seedOrReuse(stores, families, new Date(`${EVALUATION_DATE}T00:00:00Z`));
    const databases = [...Object.values(stores.registers), stores.index].map((url) => new URL(url).pathname.slice(1));
    const regsosekDatabase = new URL(stores.registers.regsosek).pathname.slice(1);

    const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('hex'), PRINCIPAL_SIGNING_SECRET: randomBytes(32).toString('hex') };
    // Ports the system picks, so that the bench never answers for (or to) another run's services.
    const free = await freePorts(REGISTERS.length + 5);
    const ports = Object.fromEntries(REGISTERS.map((register, index) => [register, free[index] as number])) as Record<(typeof REGISTERS)[number], number>;
    const [ours, dtsen, oursDtsenHttp, hive, oursWorkers] = free.slice(REGISTERS.length) as [number, number, number, number, number];
    const env: NodeJS.ProcessEnv = {
      ...benchProcessEnv(stores.env),
      EVALUATION_DATE,
      ...secrets,
      ...registerAddresses(ports),
      DTSEN_PORT: String(dtsen),
      RATE_LIMIT_PER_MINUTE: '100000000',
      MAX_CONCURRENT_PER_PRINCIPAL: '1000000',
    };
    for (const register of REGISTERS) {
      services.push(startService({ name: register, entry: 'subgraphs/main.ts', args: [register], url: `http://127.0.0.1:${ports[register]}` }, env));
    }
    await Promise.all(services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
    const gatewayPorts = { ours, dtsen, oursDtsenHttp, hive, oursWorkers };
    const { setupUrl: gatewayUrl } = await startGateways(['ours'], gatewayPorts, env, services, READY_TIMEOUT_MS, () => []);
    const token = await signLocalToken(secrets.AUTH_JWT_SECRET, { roles: ['indexer', 'analyst'], subject: 'bench', organisation: 'Benchmark', purpose: 'benchmark', expiresIn: '2h' });

    const noKKs = await onNode(cluster.nodes[1]!.url, async (connection) => {
      const [rows] = await connection.query<mysql.RowDataPacket[]>(`SELECT no_kk FROM \`${regsosekDatabase}\`.regsosek_family ORDER BY no_kk LIMIT ?`, [LOOKUP_KEYS]);
      return rows.map((row) => String(row['no_kk']));
    });
    const baseline = await baselineAnswers(gatewayUrl, token, noKKs, clients);
    const exported = await exportGeneratedCsv({ families: importFamilies, seed: IMPORT_SEED, evaluationDate: new Date(`${EVALUATION_DATE}T00:00:00Z`), dir: work, region: IMPORT_REGION });
    const file = exported['regsosek']?.file;
    if (!file) throw new Error('The export wrote no Regsosek file');
    const rowsInFile = (parse(readFileSync(file), { bom: true, from_line: 2 }) as unknown[]).length;
    console.log(`look-ups over ${noKKs.length} households by ${clients} clients; import file: ${importFamilies} families of region ${IMPORT_REGION}, ${rowsInFile} rows`);

    // The timeline: look-ups alone, then the import, the node lost in the middle of both, its rejoin, look-ups again.
    const load = startLookupLoad(gatewayUrl, token, baseline, clients);
    const loadStarted = performance.now();
    await sleep(SECONDS_BEFORE * 1000);
    const importStarted = performance.now();
    const importer = startService({ name: 'import', entry: 'import/cli.ts', args: ['--source', 'regsosek', file, '--batch', String(IMPORT_BATCH)], url: '' }, env);
    let importExit: number | null | undefined;
    void importer.exited.then((code) => (importExit = code));
    const lost = 0;
    const survivor = cluster.nodes[1]!;
    let atKill: LedgerRow | null = null;
    while (importExit === undefined) {
      atKill = await ledgerOn(survivor.url, regsosekDatabase);
      // In the middle: a third of the file committed.
      if (atKill !== null && atKill.rowsIn >= rowsInFile / 3) break;
      await sleep(100);
    }
    if (importExit !== undefined || atKill === null) throw new Error(`The import ended (exit ${importExit}) before the node could be killed in its middle: give more --import-families`);
    const killedAt = performance.now();
    await cluster.kill(lost);
    console.log(`killed ${cluster.nodes[lost]!.name} (SIGKILL) ${seconds(killedAt - importStarted)} s into the import, after ${atKill.rowsIn} of ${rowsInFile} rows`);
    const exitCode = await importer.exited;
    const importEnded = performance.now();
    console.log(`the import exited ${exitCode} ${seconds(importEnded - killedAt)} s after the kill`);
    await sleep(SECONDS_AFTER * 1000);
    const rejoinStarted = performance.now();
    const rejoin: Rejoin = await cluster.rejoin(lost, cluster.nodes[2]!.name);
    const synced = performance.now();
    console.log(`${cluster.nodes[lost]!.name} rejoined by ${rejoin.transfer} (${rejoin.istEvents} write sets by IST; position recovered: ${rejoin.recoveredPosition}) and was Synced in ${rejoin.seconds.toFixed(1)} s`);
    await sleep(SECONDS_AFTER * 1000);
    await load.stop();
    const loadStopped = performance.now();

    // Nothing lost: the ledger on every node, the file, the reject file, the stored rows, and every table alike on every node.
    const ledgers = await Promise.all(cluster.nodes.map((node) => ledgerOn(node.url, regsosekDatabase)));
    const ledger = ledgers[0] ?? null;
    const rejectsFile = `${file}.rejects.csv`;
    const rejectedInFile = (parse(readFileSync(rejectsFile), { from_line: 2 }) as unknown[]).length;
    const storedRows = await Promise.all(
      cluster.nodes.map((node) =>
        onNode(node.url, async (connection) => {
          const [[row]] = (await connection.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${regsosekDatabase}\`.regsosek_member WHERE no_kk LIKE ?`, [`${IMPORT_REGION}%`])) as unknown as [mysql.RowDataPacket[]];
          return Number(row?.['n']);
        }),
      ),
    );
    const fingerprints = await Promise.all(cluster.nodes.map((node) => tableFingerprints(node.url, databases)));
    const differing = [...(fingerprints[0]?.keys() ?? [])].filter((table) => fingerprints.some((node) => node.get(table) !== fingerprints[0]?.get(table)));
    const tablesAlike = differing.length === 0 && fingerprints.every((node) => node.size === fingerprints[0]?.size);
    const rowsBalance = ledger !== null && ledger.status === 'finished' && ledger.rowsIn === rowsInFile && ledger.rowsIn === ledger.rowsStored + ledger.rowsRejected && ledger.rowsRejected === rejectedInFile && storedRows.every((count) => count === ledger.rowsStored);
    const ledgersAlike = ledgers.every((entry) => JSON.stringify(entry) === JSON.stringify(ledger));

    const answers = load.answers;
    const phases: Phase[] = [
      { name: 'all three nodes up, before the import', from: loadStarted, to: importStarted },
      { name: 'import running, all nodes up', from: importStarted, to: killedAt },
      { name: `${cluster.nodes[lost]!.name} killed: import and look-ups on two nodes`, from: killedAt, to: rejoinStarted },
      { name: `${cluster.nodes[lost]!.name} restarting and rejoining (${rejoin.transfer})`, from: rejoinStarted, to: synced },
      { name: 'all three nodes Synced again', from: synced, to: loadStopped },
    ];
    const broken = answers.filter((answer) => answer.outcome === 'broken');
    const lines = [
      `## Surviving a lost database server: Galera, measured`,
      '',
      `\`${command}\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), MariaDB ${await onNode(survivor.url, async (connection) => {
        const [[row]] = (await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS v')) as unknown as [mysql.RowDataPacket[]];
        return String(row?.['v']);
      })}, galera-4; ${families} families (${seeded.persons} persons) seeded into the cluster${seeded.seconds === null ? '' : ` in ${seeded.seconds.toFixed(1)} s`}.`,
      '',
      `- The import: ${rowsInFile} rows in the file; the ledger on every node${ledgersAlike ? '' : ' (NOT alike)'}: ${ledger ? `${ledger.status}, ${ledger.rowsIn} rows in = ${ledger.rowsStored} stored + ${ledger.rowsRejected} rejected, ${ledger.familiesWritten} families written` : 'none'}; ${rejectedInFile} rows in the reject file; member rows stored per node ${storedRows.join(' / ')}. Exit code ${exitCode}, ${seconds(importEnded - importStarted)} s. **${rowsBalance && ledgersAlike ? 'Nothing lost' : 'ROWS DO NOT BALANCE'}.**`,
      `- ${cluster.nodes[lost]!.name} killed ${seconds(killedAt - importStarted)} s into the import (${atKill.rowsIn} rows committed); it rejoined by ${rejoin.transfer}${rejoin.transfer === 'IST' ? ` (${rejoin.istEvents} write sets from ${cluster.nodes[2]!.name}'s cache)` : ` (a full copy from ${cluster.nodes[2]!.name}, then ${rejoin.istEvents} write sets)`} and was Synced ${rejoin.seconds.toFixed(1)} s after its restart. Every table of the ${databases.length} databases (${fingerprints[0]?.size ?? 0} tables) has the same row count and CHECKSUM TABLE on all three nodes: **${tablesAlike ? 'yes' : `NO (${differing.join(', ')})`}**.`,
      '',
      '| phase | s | answers | whole | clean error | broken | answers/s | p50 / p99 ms | longest wait for a whole answer, s |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...phases.map((phase) => phaseRow(phase, answers)),
      '',
      ...(broken.length > 0 ? [`Broken answers (first 5): ${broken.slice(0, 5).map((answer) => answer.detail).join(' | ')}`] : []),
    ];
    console.log(`\n${lines.join('\n')}`);
    succeeded = rowsBalance && ledgersAlike && tablesAlike && broken.length === 0;
    return succeeded ? 0 : 1;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
