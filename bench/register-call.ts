// `npx tsx bench/register-call.ts [--register regsosek] [--families 2000] [--calls 2000] [--page-calls 100]
//   [--port 4390] [--reference FILE] [--cpu-prof DIR] [--store-dir DIR | --mysql-url mysql://root@127.0.0.1:3306]
//   [--against DIR]`
// The CPU one register subgraph spends on one `_entities` call (issue 18). Seeds the register alone
// (a SQLite store kept in --store-dir, or with --mysql-url the database
// bench_register_call_<register>_<families> on that server; either is reused by later runs of the
// same size), starts its process
// as the bench does (subgraphs/main.ts, NODE_ENV=production), and sends it, one at a time on one
// keep-alive connection, the two calls the gateway makes to it for scenario (a): the household's
// records (client fields and dtsen's `@requires` inputs) and its members' Person records; then
// --page-calls of the call it makes to the register for a page of 100 households of the resolution
// run (resolution/operations/resolved-household.graphql, `ResolveRegsosekPage`): Regsosek's listing
// page itself, or another register's `_entities` call for the page's households. The operation
// texts are the gateway's own, recorded from its plans (bench/plan-floor.ts). Reports the
// register's CPU per call (and per household for the page) from /proc/<pid>/stat (user + system),
// which barely moves when other work shares the cores, and the audit entries written per call. With --reference, the
// first run writes every answer to FILE and later runs fail unless each answer is byte-identical.
// --against DIR also starts the same register from another checkout (e.g. `git archive` of the
// commit before a change, with its node_modules) on the next port, and sends each call to both in
// turn, the order swapped every call: on a machine shared with other work, two runs a minute apart
// differed by 30 % here, while the two processes of one run share whatever load there is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { scopesOf, type Principal } from '../common/auth/principal';
import { encodePrincipal, signRequest } from '../common/auth/signature';
import { derivedSigningKey } from '../common/auth/subgraph-keys';
import { REQUEST_ID_HEADER } from '../common/logging/http-logging';
import { closeStore } from '../common/store/open-store';
import { openSubgraphStore } from '../common/subgraph/stored-subgraph';
import { storedSubgraphNamed } from '../subgraphs/registry';
import { startService, stopAll, waitUntilReady, type RunningService } from '../scripts/start/processes';
import { seedStores, storesHaveData } from '../seed/seed';
import { processCpuMs } from './process-cpu';
import { cpuProfileArgs } from './process-env';

const EVALUATION_DATE = '2026-01-15';
const READY_TIMEOUT_MS = 60_000;
const WARM_UP_CALLS = 300;
/** Signed afresh for every call; a fixed secret, as the store and its answers are the bench's own. */
const SIGNING_SECRET = 'register-call-bench-secret-0123456789abcdef';

/** Households in a page of the resolution run (its `first`, the API's cap). */
const PAGE_SIZE = 100;

/** Walks Regsosek's listing for the page call's cursors (not measured): the run's key page, as sent to Regsosek. */
const REGSOSEK_KEY_PAGE = 'query RegsosekKeyPage__regsosek__0($first:Int!$after:String){page:regsosekFamilies(first:$first after:$after){pageInfo{endCursor hasNextPage}nodes{noKK}}}';

/**
 * The gateway's operations per source register, as its plans send them: for scenario (a), the
 * household's and the members' `_entities` calls; for a page of the resolution run, Regsosek's
 * listing page (variables `first` and `after`) or another register's `_entities` call for the
 * page's households.
 */
const OPERATIONS: Readonly<Record<string, { readonly household: string; readonly persons: string; readonly page: string }>> = {
  dtks: {
    household:
      'query BenchHousehold__dtks__5($representations:[_Any!]!){_entities(representations:$representations){...on Household{dtksInput{noKK regionCode active welfarePercentile receipts{program status pkhComponents}members{nik noKK name sex birthDate relationship}}dtks{noKK regionCode address members{nik name}}}}}',
    persons: 'query BenchHousehold__dtks__10($representations:[_Any!]!){_entities(representations:$representations){...on Person{dtksInputRecords{noKK name sex birthDate}}}}',
    page: 'query ResolveRegsosekPage__dtks__9($representations:[_Any!]!){_entities(representations:$representations){...on Household{dtksInput{noKK regionCode active welfarePercentile receipts{program status pkhComponents}members{nik noKK name sex birthDate relationship person{__typename nik dtksInputRecords{noKK}}}}}}}',
  },
  regsosek: {
    household:
      'query BenchHousehold__regsosek__4($representations:[_Any!]!){_entities(representations:$representations){...on Household{regsosekInput{noKK regionCode housing{installedPower}assets{car}ranking{desil percentile version rankedAt}members{nik noKK name sex birthDate relationship presence schoolParticipation schoolLevel employmentStatus difficulty{vision hearing walking hands learning behaviour communication selfCare}healthInsurance pregnant}}regsosek{noKK regionCode address members{nik name}}}}}',
    persons: 'query BenchHousehold__regsosek__9($representations:[_Any!]!){_entities(representations:$representations){...on Person{regsosekInputRecords{noKK name sex birthDate presence}}}}',
    page: 'query ResolveRegsosekPage__regsosek__0($first:Int!$after:String){page:regsosekFamilies(first:$first after:$after){nodes{__typename noKK regsosekInput{noKK regionCode housing{installedPower}assets{car}ranking{desil percentile version rankedAt}members{nik noKK name sex birthDate relationship presence schoolParticipation schoolLevel employmentStatus difficulty{vision hearing walking hands learning behaviour communication selfCare}healthInsurance pregnant person{__typename nik regsosekInputRecords{noKK}}}}}}}',
  },
  p3ke: {
    household:
      'query BenchHousehold__p3ke__3($representations:[_Any!]!){_entities(representations:$representations){...on Household{p3keInput{noKK regionCode desil extremePoor members{nik noKK name sex birthDate relationship inSchool}}p3ke{noKK regionCode address desil members{nik name}}}}}',
    persons: 'query BenchHousehold__p3ke__8($representations:[_Any!]!){_entities(representations:$representations){...on Person{p3keInputRecords{noKK name sex birthDate}}}}',
    page: 'query ResolveRegsosekPage__p3ke__5($representations:[_Any!]!){_entities(representations:$representations){...on Household{p3keInput{noKK regionCode desil extremePoor members{nik noKK name sex birthDate relationship inSchool person{__typename nik p3keInputRecords{noKK}}}}}}}',
  },
};

type CallKind = 'household' | 'persons' | 'page';

/** A register process the calls go to. */
interface Target {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
}

const ROOT = path.join(__dirname, '..');

interface Call {
  readonly kind: CallKind;
  readonly body: string;
  /** Names the call in the reference: its body, or for a listing page its place (a cursor is sealed afresh every run). */
  readonly id: string;
  /** The households it asks for. */
  readonly households: number;
}

function operationName(query: string): string {
  return /^query (\w+)/.exec(query)?.[1] ?? '';
}

/** The body as the gateway serialises it: query, variables, operationName. */
function callBody(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables, operationName: operationName(query) });
}

function cpuMs(pid: number): { readonly user: number; readonly system: number } {
  const cpu = processCpuMs(pid);
  if (cpu === null) throw new Error(`register process ${pid} has gone`);
  return cpu;
}

/** The register's families in listing order, each with its members' NIKs, read from its store. */
async function householdKeys(register: string, storeUrl: string, count: number): Promise<{ noKK: string; niks: string[] }[]> {
  const { dataSource, repository } = await openSubgraphStore(storedSubgraphNamed(register), storeUrl);
  try {
    const page = await repository.listFamilies(null, count, null, null);
    const noKKs = page.families.map((family) => family.noKK);
    const families = (await repository.familiesByNoKK(noKKs)) as ({ members: { nik: string }[] } | null)[];
    return noKKs.map((noKK, index) => ({ noKK, niks: (families[index]?.members ?? []).map((member) => member.nik) }));
  } finally {
    await closeStore(dataSource);
  }
}

async function auditEntries(register: string, storeUrl: string): Promise<number> {
  const { dataSource } = await openSubgraphStore(storedSubgraphNamed(register), storeUrl);
  try {
    const [row] = (await dataSource.query('SELECT COUNT(*) AS count FROM audit_entry')) as { count: number | string }[];
    return Number(row?.count ?? 0);
  } finally {
    await closeStore(dataSource);
  }
}

function sqliteStore(dir: string | undefined, register: string, families: number): string {
  const storeDir = path.resolve(dir ?? path.join(os.tmpdir(), `dtsen-register-call-${register}-${families}`));
  mkdirSync(storeDir, { recursive: true });
  return `sqlite:${path.join(storeDir, `${register}.sqlite`)}`;
}

function mysqlStore(serverUrl: string, register: string, families: number): string {
  const url = new URL(serverUrl);
  url.pathname = `/bench_register_call_${register}_${families}`;
  return url.toString();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      register: { type: 'string', default: 'regsosek' },
      families: { type: 'string', default: '2000' },
      calls: { type: 'string', default: '2000' },
      'page-calls': { type: 'string', default: '100' },
      port: { type: 'string', default: '4390' },
      reference: { type: 'string' },
      'cpu-prof': { type: 'string' },
      'store-dir': { type: 'string' },
      against: { type: 'string' },
      'mysql-url': { type: 'string' },
    },
  });
  const register = values.register;
  const operations = OPERATIONS[register];
  if (!operations) throw new Error(`--register takes one of ${Object.keys(OPERATIONS).join(', ')}`);
  const families = Number(values.families);
  const calls = Number(values.calls);
  const pageCalls = Number(values['page-calls']);
  const port = Number(values.port);
  if (![families, calls, pageCalls, port].every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error('--families, --calls, --page-calls and --port take positive whole numbers');

  const storeUrl = values['mysql-url'] === undefined ? sqliteStore(values['store-dir'], register, families) : mysqlStore(values['mysql-url'], register, families);
  const stores = { [register]: storeUrl };
  const subgraph = storedSubgraphNamed(register);
  if (!(await storesHaveData(stores, [subgraph]))) {
    const seeded = await seedStores({ families, seed: 1, evaluationDate: new Date(`${EVALUATION_DATE}T00:00:00Z`), stores, subgraphs: [subgraph] });
    console.log(`seeded ${seeded.families} families in ${seeded.seconds.toFixed(1)} s`);
  }
  const keys = await householdKeys(register, storeUrl, Math.min(families, 1000));

  const roles = ['indexer', 'analyst'] as const;
  const principal: Principal = { subject: 'bench', organisation: 'Benchmark', roles, scopes: scopesOf(roles), regions: null, programmes: null, purpose: 'benchmark', operation: 'BenchHousehold' };
  const encoded = encodePrincipal(principal);
  const key = derivedSigningKey(SIGNING_SECRET, register);
  const scenarioCalls = (kind: 'household' | 'persons'): Call[] =>
    keys.map(({ noKK, niks }) => {
      const body =
        kind === 'household'
          ? callBody(operations.household, { representations: [{ __typename: 'Household', noKK }] })
          : callBody(operations.persons, { representations: niks.map((nik) => ({ __typename: 'Person', nik })) });
      return { kind, body, id: `${kind} ${body}`, households: 1 };
    });
  const pages = Array.from({ length: Math.ceil(keys.length / PAGE_SIZE) }, (_, page) => keys.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
  /** The `after` of each of Regsosek's listing pages, walked on `target` (any of the processes: they share the secret that seals them). */
  const listingCursors = async (target: Target): Promise<(string | null)[]> => {
    const cursors: (string | null)[] = [null];
    while (cursors.length < pages.length) {
      const body = callBody(REGSOSEK_KEY_PAGE, { first: PAGE_SIZE, after: cursors.at(-1) });
      const { data } = JSON.parse(await send(target, { kind: 'page', body, id: body, households: PAGE_SIZE })) as { data: { page: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } } };
      if (!data.page.pageInfo.hasNextPage) break;
      cursors.push(data.page.pageInfo.endCursor);
    }
    return cursors;
  };
  const pageCallsOn = async (target: Target): Promise<Call[]> =>
    register === 'regsosek'
      ? (await listingCursors(target)).map((after, page) => ({
          kind: 'page',
          body: callBody(operations.page, { first: PAGE_SIZE, after }),
          id: `page ${page} of ${PAGE_SIZE}`,
          households: pages[page]?.length ?? 0,
        }))
      : pages.map((page) => {
          const body = callBody(operations.page, { representations: page.map(({ noKK }) => ({ __typename: 'Household', noKK })) });
          return { kind: 'page', body, id: `page ${body}`, households: page.length };
        });

  const prefix = register.toUpperCase();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    [`${prefix}_DATABASE_URL`]: storeUrl,
    PRINCIPAL_SIGNING_SECRET: SIGNING_SECRET,
  };
  const nodeArgs = cpuProfileArgs(values['cpu-prof']);
  const services: RunningService[] = [];
  const agent = new Agent({ connections: 2 });
  let sent = 0;
  const send = async (target: Target, call: Call): Promise<string> => {
    sent += 1;
    const response = await request(`${target.url}/graphql`, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: `bench-${sent}`, ...signRequest(key, encoded, call.body) },
      body: call.body,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${target.name} answered ${response.statusCode}: ${text.slice(0, 300)}`);
    return text;
  };

  try {
    const started = (name: string, root: string, targetPort: number): RunningService => {
      const url = `http://127.0.0.1:${targetPort}`;
      const spec = { name, entry: 'subgraphs/main.ts', args: [register], url };
      return startService(spec, { ...env, [`${prefix}_PORT`]: String(targetPort) }, nodeArgs(name), root);
    };
    const roots = [ROOT, ...(values.against === undefined ? [] : [path.resolve(values.against)])];
    const targets: Target[] = [];
    for (const [index, root] of roots.entries()) {
      const name = index === 0 ? 'this checkout' : `against ${root}`;
      const service = started(index === 0 ? register : `${register}-against`, root, port + index);
      services.push(service);
      await waitUntilReady(service, READY_TIMEOUT_MS);
      if (service.child.pid === undefined) throw new Error(`${name}: the register process has no pid`);
      targets.push({ name, url: service.spec.url, pid: service.child.pid });
    }

    const households = scenarioCalls('household');
    const persons = scenarioCalls('persons');
    const pageList = await pageCallsOn(targets[0] as Target);
    // One answer per household and call from each process: the reference every later run's must equal.
    const answers: Record<string, string> = {};
    for (const target of targets) {
      for (const call of [...households, ...persons, ...pageList]) {
        const answer = await send(target, call);
        if (target !== targets[0] && answers[call.id] !== answer) throw new Error(`${target.name} answered differently: ${call.id.slice(0, 200)}`);
        answers[call.id] = answer;
      }
    }
    for (let index = 0; index < WARM_UP_CALLS; index += 1) {
      for (const target of targets) await send(target, (index % 2 === 0 ? households : persons)[index % keys.length] as Call);
    }

    const measure = async (label: string, list: readonly Call[], count: number) => {
      const auditBefore = await auditEntries(register, storeUrl);
      const cpuBefore = targets.map((target) => cpuMs(target.pid));
      let asked = 0;
      for (let index = 0; index < count; index += 1) {
        const call = list[index % list.length] as Call;
        asked += call.households;
        const order = index % 2 === 0 ? targets : [...targets].reverse();
        for (const target of order) await send(target, call);
      }
      const audited = (await auditEntries(register, storeUrl)) - auditBefore;
      targets.forEach((target, index) => {
        const after = cpuMs(target.pid);
        const before = cpuBefore[index] ?? { user: 0, system: 0 };
        const user = after.user - before.user;
        const system = after.system - before.system;
        const perCall = (ms: number) => (ms / count).toFixed(3);
        const perHousehold = list === pageList ? `, ${((user + system) / asked).toFixed(4)} ms per household` : '';
        console.log(`${label}, ${target.name}: ${count} calls, register CPU ${perCall(user + system)} ms per call (user ${perCall(user)}, system ${perCall(system)})${perHousehold}`);
      });
      console.log(`${label}: ${(audited / count / targets.length).toFixed(2)} audit entries per call`);
    };
    await measure(`${register} household call`, households, calls);
    await measure(`${register} persons call`, persons, calls);
    await measure(`${register} page call (${PAGE_SIZE} households)`, pageList, pageCalls);

    const digest = createHash('sha256').update(JSON.stringify(answers)).digest('hex').slice(0, 16);
    if (values.reference !== undefined) {
      const file = path.resolve(values.reference);
      if (!existsSync(file)) {
        writeFileSync(file, JSON.stringify(answers));
        console.log(`answers (${Object.keys(answers).length}, digest ${digest}) written to ${file} as the reference`);
      } else {
        const reference = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
        const differing = Object.keys({ ...reference, ...answers }).filter((call) => reference[call] !== answers[call]);
        if (differing.length > 0) throw new Error(`${differing.length} answers differ from the reference, the first: ${differing[0]?.slice(0, 200)}`);
        console.log(`answers (${Object.keys(answers).length}, digest ${digest}) byte-identical to the reference ${file}`);
      }
    } else {
      console.log(`answers: ${Object.keys(answers).length}, digest ${digest}`);
    }
  } finally {
    await agent.close();
    await stopAll(services);
  }
}

main().catch((error: unknown) => {
  console.error(`register-call bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
