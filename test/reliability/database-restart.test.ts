import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { startPrivateMariaDb, type PrivateMariaDb } from '../support/private-mariadb';
import { startSystem, type RunningSystem } from '../support/system';

const QUERY = `query Visit { household(noKK: "${SUTRISNO_KK}") { noKK sources dtks { noKK } regsosek { noKK } p3ke { noKK } eligibility { program eligible complete } } }`;
const WORKERS = 4;
/** What a client may see while the database is away: a register named unavailable, or a masked internal error. */
const CLEAN_CODES = new Set(['SOURCE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

type Outcome = 'whole' | 'clean error' | 'broken';

interface Sample {
  readonly at: number;
  readonly outcome: Outcome;
  readonly detail: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a database restart under a load of queries (a private MariaDB, never the shared one)', () => {
  let database: PrivateMariaDb;
  let system: RunningSystem;
  let baseline: unknown;
  beforeAll(async () => {
    database = await startPrivateMariaDb();
    system = await startSystem({
      store: 'mysql',
      mysqlServerUrl: database.url,
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      subgraphTimeoutMs: 2_000,
      resilience: { breakerHalfOpenMs: 500 },
    });
    baseline = (await system.query(QUERY)).body;
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    await database?.remove();
  });

  async function classify(): Promise<Omit<Sample, 'at'>> {
    try {
      const response = await system.query(QUERY);
      const errors = response.body.errors ?? [];
      if (response.status === 200 && errors.length === 0) {
        const same = JSON.stringify(response.body) === JSON.stringify(baseline);
        return { outcome: same ? 'whole' : 'broken', detail: same ? '' : JSON.stringify(response.body) };
      }
      const text = JSON.stringify(response.body);
      const codes = errors.map((error) => (error['extensions'] as { code?: string } | undefined)?.code ?? '');
      const leaks = /ECONNREFUSED|SELECT|mysql|127\.0\.0\.1|\bat .*\.[jt]s:\d+/i.test(text);
      const clean = codes.every((code) => CLEAN_CODES.has(code)) && !leaks;
      return { outcome: clean ? 'clean error' : 'broken', detail: clean ? '' : text };
    } catch (error) {
      return { outcome: 'broken', detail: `the gateway did not answer: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  it('when the database stops and starts again, then every request is answered with the whole household or a clean error, and whole answers come back by themselves', async () => {
    const samples: Sample[] = [];
    const started = Date.now();
    let running = true;
    const workers = Array.from({ length: WORKERS }, async () => {
      while (running) samples.push({ at: Date.now() - started, ...(await classify()) });
    });

    // Stop only once whole answers have come back under the load: on a busy machine the first
    // ones can take longer than any fixed wait.
    while (!samples.some((sample) => sample.outcome === 'whole') && Date.now() - started < 20_000) await sleep(100);
    const stoppedAt = Date.now() - started;
    await database.stop();
    await sleep(3_000);
    await database.start();
    const restartedAt = Date.now() - started;
    let recoveredAt: number | null = null;
    while (recoveredAt === null && Date.now() - started < restartedAt + 20_000) {
      await sleep(100);
      const whole = samples.find((sample) => sample.at > restartedAt && sample.outcome === 'whole');
      if (whole) recoveredAt = whole.at;
    }
    await sleep(1_000);
    running = false;
    await Promise.all(workers);

    const count = (outcome: Outcome, from: number, to: number) =>
      samples.filter((sample) => sample.outcome === outcome && sample.at >= from && sample.at < to).length;
    const ready = await fetch(`${new URL(system.gatewayUrl).origin}/health/ready`);
    expect({
      broken: samples.filter((sample) => sample.outcome === 'broken').map((sample) => sample.detail).slice(0, 3),
      answered: samples.length === count('whole', 0, Infinity) + count('clean error', 0, Infinity),
      wholeBeforeTheStop: count('whole', 0, stoppedAt) > 0,
      cleanErrorsWhileDown: count('clean error', stoppedAt, restartedAt) > 0,
      recoveredWithin10s: recoveredAt !== null && recoveredAt - restartedAt < 10_000,
      wholeAfterRecovery: recoveredAt !== null && count('clean error', recoveredAt + 1_000, Infinity) === 0,
      gatewayReady: ready.status,
    }).toEqual({
      broken: [],
      answered: true,
      wholeBeforeTheStop: true,
      cleanErrorsWhileDown: true,
      recoveredWithin10s: true,
      wholeAfterRecovery: true,
      gatewayReady: 200,
    });
  }, 60_000);
});
