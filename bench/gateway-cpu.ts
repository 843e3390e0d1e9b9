// `npx tsx bench/gateway-cpu.ts [--families 2000] [--against DIR] [--concurrency 10] [--rounds 6] [--seconds 10]
//   [--port-base 4700] [--keep-data] [--cpu-prof DIR] [--node-args=--max-semi-space-size=32]`
// The CPU our gateway process spends on one household look-up, scenario (a) (issue 18). Seeds the
// registers (bench/stores.ts; kept and reused with --keep-data), starts them and our gateway as the
// bench does, fills the index through it unless an earlier run did, and sends the look-ups of
// (a) (bench/scenarios.ts) at a fixed concurrency, rotating over the index's households. Reports the
// gateway process's CPU per household from /proc (user + system), round by round.
// --against DIR also starts the gateway of another checkout (e.g. `git archive main`, its
// node_modules linked) on the next port over the same registers and index: every look-up goes to
// both, the order swapped each time, and the two answers must be byte-identical. On a machine shared
// with other work, two runs minutes apart differ by far more than a change; the two gateways of one
// run share whatever load there is. --cpu-prof profiles the gateways (bench/profile-summary.ts).
// --node-args are given to node for this checkout's gateway only: V8's settings against the same
// code, with --against a copy of this checkout.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { closeStore } from '../common/store/open-store';
import { REGISTERS } from '../common/store-url';
import { signLocalToken } from '../gateway/auth/local-token';
import { createIndexRepository } from '../resolution/repository';
import { openIndexStore } from '../resolution/store';
import { startService, stopAll, waitUntilReady, type RunningService } from '../scripts/start/processes';
import { percentile, residentMb } from './load';
import { ownCpuMs } from './process-cpu';
import { benchProcessEnv, consecutiveRegisterPorts, cpuProfileArgs, registerAddresses } from './process-env';
import { HOUSEHOLD_BY_KK } from './scenarios';
import { DEFAULT_MYSQL_URL, openBenchStores, resolveOrReuse, seedOrReuse } from './stores';

const EVALUATION_DATE = '2026-01-15';
const READY_TIMEOUT_MS = 120_000;
const ROOT = path.join(__dirname, '..');
/** Households the look-ups rotate over. */
const KEYS = 1000;
const WARM_UP_LOOK_UPS = 300;

interface Target {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
}

/** The index's first households, in No. KK order. */
async function householdKeys(indexUrl: string, count: number): Promise<string[]> {
  const store = await openIndexStore(indexUrl);
  try {
    const keys: string[] = [];
    for await (const household of createIndexRepository(store).households(count)) {
      keys.push(household.noKK);
      if (keys.length === count) break;
    }
    return keys;
  } finally {
    await closeStore(store);
  }
}

function gatewayCpuMs(target: Target): number {
  const ms = ownCpuMs(target.pid);
  if (ms === null) throw new Error(`${target.name}: the gateway process ${target.pid} has gone`);
  return ms;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      families: { type: 'string', default: '2000' },
      against: { type: 'string' },
      concurrency: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '6' },
      seconds: { type: 'string', default: '10' },
      'port-base': { type: 'string', default: '4700' },
      'keep-data': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      'node-args': { type: 'string', default: '' },
    },
  });
  const [families, concurrency, rounds, seconds, portBase] = [values.families, values.concurrency, values.rounds, values.seconds, values['port-base']].map(Number) as [number, number, number, number, number];
  if (![families, concurrency, rounds, seconds, portBase].every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error('--families, --concurrency, --rounds, --seconds and --port-base take positive whole numbers');

  const stores = openBenchStores({ kind: 'sqlite', families, mysqlUrl: DEFAULT_MYSQL_URL, keepData: values['keep-data'] });
  const ports = consecutiveRegisterPorts(portBase + 1);
  const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('hex'), PRINCIPAL_SIGNING_SECRET: randomBytes(32).toString('hex') };
  const env: NodeJS.ProcessEnv = {
    ...benchProcessEnv(stores.env),
    EVALUATION_DATE,
    ...secrets,
    RATE_LIMIT_PER_MINUTE: '100000000',
    MAX_CONCURRENT_PER_PRINCIPAL: '1000000',
    ...registerAddresses(ports),
  };
  const nodeArgs = cpuProfileArgs(values['cpu-prof']);
  const ownNodeArgs = values['node-args'].split(' ').filter(Boolean);
  const services: RunningService[] = [];
  const agent = new Agent({ connections: concurrency });
  try {
    await seedOrReuse(stores, families, new Date(`${EVALUATION_DATE}T00:00:00Z`));
    for (const register of REGISTERS) {
      services.push(startService({ name: register, entry: 'subgraphs/main.ts', args: [register], url: `http://127.0.0.1:${ports[register]}` }, env));
    }
    await Promise.all(services.map((service) => waitUntilReady(service, READY_TIMEOUT_MS)));
    // The gateways past the registers' ports: this checkout's, then the other's.
    const roots = [ROOT, ...(values.against === undefined ? [] : [path.resolve(values.against)])];
    const targets: Target[] = [];
    for (const [position, root] of roots.entries()) {
      const port = portBase + 10 + position;
      const name = position === 0 ? 'this checkout' : `against ${root}`;
      const service = startService({ name: position === 0 ? 'gateway' : 'gateway-against', entry: 'gateway/main.ts', url: `http://127.0.0.1:${port}` }, { ...env, PORT: String(port) }, [...nodeArgs(position === 0 ? 'gateway' : 'gateway-against'), ...(position === 0 ? ownNodeArgs : [])], root);
      services.push(service);
      await waitUntilReady(service, READY_TIMEOUT_MS);
      if (service.child.pid === undefined) throw new Error(`${name}: the gateway has no process`);
      targets.push({ name, url: `${service.spec.url}/graphql`, pid: service.child.pid });
    }
    const roles = ['indexer', 'analyst'] as const;
    const token = await signLocalToken(secrets.AUTH_JWT_SECRET, { roles, subject: 'bench', organisation: 'Benchmark', purpose: 'benchmark', expiresIn: '2h' });
    await resolveOrReuse(stores.index, (targets[0] as Target).url, token, null);
    const keys = await householdKeys(stores.index, KEYS);
    if (keys.length === 0) throw new Error('the index holds no households');

    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const lookUp = async (target: Target, noKK: string): Promise<string> => {
      const response = await request(target.url, { dispatcher: agent, method: 'POST', headers, body: JSON.stringify({ query: HOUSEHOLD_BY_KK, variables: { noKK } }) });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${target.name} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return text;
    };
    let sent = 0;
    /** One household to every gateway, the order swapped each time; the answers must be byte-identical. */
    const lookUpEverywhere = async (): Promise<void> => {
      const turn = sent;
      sent += 1;
      const noKK = keys[turn % keys.length] as string;
      const order = turn % 2 === 0 ? targets : [...targets].reverse();
      const answers = new Map<Target, string>();
      for (const target of order) answers.set(target, await lookUp(target, noKK));
      const first = answers.get(targets[0] as Target);
      for (const target of targets.slice(1)) {
        if (answers.get(target) !== first) throw new Error(`${target.name} answered household ${turn % keys.length} differently: ${answers.get(target)?.slice(0, 300)} against ${first?.slice(0, 300)}`);
      }
    };
    const atConcurrency = async (until: () => boolean): Promise<void> => {
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (!until()) await lookUpEverywhere();
      }));
    };
    await atConcurrency(() => sent >= WARM_UP_LOOK_UPS);

    const perRound = targets.map((): number[] => []);
    const spent = targets.map(() => 0);
    let measured = 0;
    // Peak resident memory over the rounds: a V8 setting may buy CPU with memory.
    const peakRss = targets.map(() => 0);
    const sampleRss = () => targets.forEach((target, position) => {
      peakRss[position] = Math.max(peakRss[position] ?? 0, residentMb(target.pid) ?? 0);
    });
    const rssSampler = setInterval(sampleRss, 200).unref();
    console.log(`\n${rounds} rounds of ${seconds} s, ${concurrency} look-ups in flight, over ${keys.length} households (${families} seeded)`);
    for (let round = 1; round <= rounds; round += 1) {
      const before = targets.map(gatewayCpuMs);
      const sentBefore = sent;
      const ends = Date.now() + seconds * 1000;
      await atConcurrency(() => Date.now() >= ends);
      const households = sent - sentBefore;
      measured += households;
      const line = targets.map((target, position) => {
        const cpu = gatewayCpuMs(target) - (before[position] ?? 0);
        spent[position] = (spent[position] ?? 0) + cpu;
        const perHousehold = cpu / households;
        perRound[position]?.push(perHousehold);
        return `${target.name} ${perHousehold.toFixed(2)} ms`;
      });
      console.log(`round ${round}: ${households} households, gateway CPU per household: ${line.join(', ')} (load average ${os.loadavg()[0]?.toFixed(2)})`);
    }
    clearInterval(rssSampler);
    const lines = ['', '| gateway | CPU ms per household, all rounds | median of the rounds | min | max | peak RSS |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
    targets.forEach((target, position) => {
      const sorted = [...(perRound[position] ?? [])].sort((a, b) => a - b);
      const all = (spent[position] ?? 0) / measured;
      lines.push(`| ${target.name} | ${all.toFixed(2)} | ${percentile(sorted, 50).toFixed(2)} | ${(sorted[0] ?? NaN).toFixed(2)} | ${(sorted.at(-1) ?? NaN).toFixed(2)} | ${(peakRss[position] ?? 0).toFixed(0)} MB |`);
    });
    if (targets.length > 1) {
      const ratios = (perRound[0] ?? []).map((ours, round) => ours / (perRound[1]?.[round] ?? NaN)).sort((a, b) => a - b);
      const overall = (spent[0] ?? 0) / (spent[1] ?? NaN);
      lines.push('', `this checkout ÷ against: ${overall.toFixed(3)} over all rounds; round by round median ${percentile(ratios, 50).toFixed(3)} (${ratios.map((ratio) => ratio.toFixed(3)).join(', ')}); ${sent} look-ups answered byte-identically by both`);
    }
    console.log(lines.join('\n'));
  } finally {
    await agent.close();
    await stopAll(services);
    if (!values['keep-data']) await stores.remove();
  }
}

main().catch((error: unknown) => {
  console.error(`gateway-cpu bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
