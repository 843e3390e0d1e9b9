// `npx tsx bench/resolution.ts [--families 10000] [--store sqlite|mariadb] [--mysql-url mysql://root@127.0.0.1:3306]
//   [--keep-data] [--port-base 4300] [--gateway-workers 1] [--concurrency N] [--page-size N] [--cpu-prof DIR]
//   [--seconds N] [--digest-out FILE]`
// The resolution run, measured alone: seeds N families (bench/stores.ts; kept and reused with
// --keep-data), starts the five register subgraphs and our gateway as their own processes over a
// fresh, empty index, runs `runResolution` in this process as `npm run resolve` does, and reports
// families/s and the CPU each process spent per family (user + system from /proc, which moves far
// less than wall time on a shared machine). MariaDB's server is left out: it is shared, and this
// machine may run other mariadbd processes beside it.
// It ends with a digest of what the run wrote (every household as the index answers it, and the
// region counts): a change of the run must leave it as it was. --digest-out writes the rows digested.
// --seconds stops the run there (for sizes that take longer): the figures are then of what it did.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { REGISTERS } from '../common/store-url';
import { closeStore } from '../common/store/open-store';
import { signLocalToken } from '../gateway/auth/local-token';
import { createIndexRepository } from '../resolution/repository';
import { runResolution } from '../resolution/run';
import { openIndexStore } from '../resolution/store';
import { startService, stopAll, waitUntilReady, type RunningService } from '../scripts/start/processes';
import { progressReporter } from '../seed/progress';
import { DEFAULT_MYSQL_URL, openBenchStores, seedOrReuse, STORE_KINDS, type StoreKind } from './stores';
import { benchProcessEnv, consecutiveRegisterPorts, cpuProfileArgs, registerAddresses } from './process-env';
import { ownCpuMs, totalCpuMs } from './process-cpu';

const EVALUATION_DATE = '2026-01-15';
const READY_TIMEOUT_MS = 180_000;

interface Meter {
  readonly name: string;
  readonly pid: number;
  /** Whether its descendants count with it: a gateway's cluster workers do; this process's children are the services, metered apart. */
  readonly withDescendants: boolean;
}

/** CPU seconds so far of each meter's processes. */
function sample(meters: readonly Meter[]): Map<string, number> {
  return new Map(meters.map((meter) => [meter.name, (meter.withDescendants ? totalCpuMs([meter.pid]) : ownCpuMs(meter.pid) ?? 0) / 1000]));
}

/** A stable digest of the index as the run left it: households as the index answers them, in No. KK order, and the region counts. */
async function indexDigest(indexUrl: string, out: string | undefined): Promise<{ households: number; digest: string }> {
  const store = await openIndexStore(indexUrl);
  try {
    const index = createIndexRepository(store);
    const hash = createHash('sha256');
    const lines: string[] = [];
    let households = 0;
    for await (const household of index.households(5000)) {
      const line = JSON.stringify(household);
      hash.update(`${line}\n`);
      if (out) lines.push(line);
      households += 1;
    }
    const measures = await store.query('SELECT * FROM region_summary ORDER BY region_code, desil');
    const issues = await store.query('SELECT * FROM region_issue_count ORDER BY region_code, code');
    for (const row of [...measures, ...issues] as Record<string, unknown>[]) {
      const line = JSON.stringify(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value])));
      hash.update(`${line}\n`);
      if (out) lines.push(line);
    }
    if (out) writeFileSync(out, `${lines.join('\n')}\n`);
    return { households, digest: hash.digest('hex').slice(0, 16) };
  } finally {
    await closeStore(store);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      families: { type: 'string', default: '10000' },
      store: { type: 'string', default: 'sqlite' },
      'mysql-url': { type: 'string', default: DEFAULT_MYSQL_URL },
      'keep-data': { type: 'boolean', default: false },
      'port-base': { type: 'string', default: '4300' },
      'gateway-workers': { type: 'string', default: '1' },
      concurrency: { type: 'string' },
      'page-size': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'digest-out': { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  const store = values.store as StoreKind;
  if (!STORE_KINDS.includes(store)) throw new Error(`--store takes ${STORE_KINDS.join(' or ')}, got "${values.store}"`);
  const families = Number(values.families);
  const portBase = Number(values['port-base']);
  const stores = openBenchStores({ kind: store, families, mysqlUrl: values['mysql-url'], keepData: values['keep-data'] });
  // The index is always new: the run is measured from empty, and the registers may be reused.
  const indexName = `bench_resolution_${process.pid}`;
  const indexUrl =
    store === 'mariadb'
      ? (() => {
          const url = new URL(values['mysql-url']);
          url.pathname = `/${indexName}`;
          return url.toString();
        })()
      : `sqlite:${path.join(os.tmpdir(), `${indexName}.sqlite`)}`;
  const dropIndex = async () => {
    if (store === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${indexUrl.slice('sqlite:'.length)}${suffix}`, { force: true });
      return;
    }
    const connection = await mysql.createConnection(values['mysql-url']);
    await connection.query(`DROP DATABASE IF EXISTS \`${indexName}\``);
    await connection.end();
  };

  const ports = consecutiveRegisterPorts(portBase + 1);
  const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('hex'), PRINCIPAL_SIGNING_SECRET: randomBytes(32).toString('hex') };
  const env: NodeJS.ProcessEnv = {
    ...benchProcessEnv(stores.env),
    INDEX_DATABASE_URL: indexUrl,
    EVALUATION_DATE,
    ...secrets,
    PORT: String(portBase),
    GATEWAY_WORKERS: values['gateway-workers'],
    RATE_LIMIT_PER_MINUTE: '100000000',
    // A page of 100 households asks each register for 100 families: on a shared two-core machine one
    // such call can outlast the 5 s default, and the run would stop on SOURCE_UNAVAILABLE.
    SUBGRAPH_TIMEOUT_MS: '30000',
    REQUEST_DEADLINE_MS: '60000',
    ...registerAddresses(ports),
  };
  const nodeArgs = cpuProfileArgs(values['cpu-prof']);
  const services: RunningService[] = [];
  try {
    await seedOrReuse(stores, families, new Date(`${EVALUATION_DATE}T00:00:00Z`));
    await dropIndex();
    for (const register of REGISTERS) {
      services.push(startService({ name: register, entry: 'subgraphs/main.ts', args: [register], url: `http://127.0.0.1:${ports[register]}` }, env, nodeArgs(register)));
    }
    await Promise.all(services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
    const gateway = startService({ name: 'gateway', entry: 'gateway/main.ts', url: `http://127.0.0.1:${portBase}` }, env, nodeArgs('gateway'));
    services.push(gateway);
    await waitUntilReady(gateway, READY_TIMEOUT_MS);
    const token = await signLocalToken(secrets.AUTH_JWT_SECRET, { roles: ['indexer'], subject: 'bench', organisation: 'Benchmark', purpose: 'benchmark', expiresIn: '2h' });

    const meters: Meter[] = [
      ...services.filter((service) => service !== gateway).map((service) => ({ name: service.spec.name, pid: service.child.pid ?? 0, withDescendants: false })),
      { name: 'gateway', pid: gateway.child.pid ?? 0, withDescendants: true },
      { name: 'resolve (this process)', pid: process.pid, withDescendants: false },
    ];

    const index = await openIndexStore(indexUrl);
    const progress = progressReporter('resolving', 'register records');
    const before = sample(meters);
    const started = process.hrtime.bigint();
    let summary;
    try {
      summary = await runResolution({
        index: createIndexRepository(index),
        gatewayUrl: `http://127.0.0.1:${portBase}/graphql`,
        gatewayToken: token,
        ...(values.concurrency === undefined ? {} : { concurrency: Number(values.concurrency) }),
        ...(values['page-size'] === undefined ? {} : { pageSize: Number(values['page-size']) }),
        onProgress: (done, total) => progress.update(done, total),
        ...(values.seconds === undefined ? {} : { signal: AbortSignal.timeout(Number(values.seconds) * 1000) }),
      });
    } finally {
      progress.stop();
      await closeStore(index);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const after = sample(meters);
    const resolved = summary.families;
    const load = os.loadavg()[0]?.toFixed(2) ?? '?';
    const { households, digest } = await indexDigest(indexUrl, values['digest-out']);

    const lines = [
      `${resolved} ${summary.finished ? 'families resolved' : 'register records listed and resolved (stopped by --seconds)'} in ${seconds.toFixed(1)} s: ${(resolved / seconds).toFixed(0)} a second${summary.finished ? ' (families/s)' : ''}, ${summary.pages} pages (${store}, ${families} families seeded, load average ${load} at the end)`,
      '',
      '| process | CPU s | CPU ms per family |',
      '| --- | ---: | ---: |',
    ];
    let total = 0;
    for (const meter of meters) {
      const spent = (after.get(meter.name) ?? 0) - (before.get(meter.name) ?? 0);
      total += spent;
      lines.push(`| ${meter.name} | ${spent.toFixed(1)} | ${((1000 * spent) / resolved).toFixed(2)} |`);
    }
    lines.push(`| Node processes together | ${total.toFixed(1)} | ${((1000 * total) / resolved).toFixed(2)} |`);
    lines.push('', `index: ${households} households, digest ${digest}`);
    console.log(`\n${lines.join('\n')}`);
  } finally {
    await stopAll(services);
    await dropIndex();
    if (!values['keep-data']) await stores.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
