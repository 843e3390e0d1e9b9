import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, run, waitForLine, type Started } from '../support/main-process';
import { testToken } from '../support/tokens';
import { persistedQuery, post, queryHash } from './apq-client';
import { openTestSharedState, testRedisUrl, type TestSharedState } from './test-redis';

const RULE_SET = '{ ruleSet { version } }';

describe('two gateway processes started with the same REDIS_URL', () => {
  let shared: TestSharedState;
  const dataDirs: string[] = [];
  const gateways: { started: Started; url: string }[] = [];
  beforeAll(async () => {
    shared = await openTestSharedState();
    for (let i = 0; i < 2; i += 1) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dtsen-scaling-'));
      dataDirs.push(dataDir);
      const port = await freePort();
      const started = run('gateway/main.ts', {
        DATA_DIR: dataDir,
        PORT: String(port),
        REDIS_URL: await testRedisUrl(),
        REDIS_KEY_PREFIX: shared.keyPrefix,
        RATE_LIMIT_PER_MINUTE: '3',
      });
      gateways.push({ started, url: `http://127.0.0.1:${port}/graphql` });
    }
    await Promise.all(gateways.map(({ started, url }) => waitForLine(started, `DTSEN gateway ready at ${url.replace('127.0.0.1', 'localhost')}`)));
  });
  afterAll(async () => {
    for (const { started } of gateways) if (started.child.exitCode === null) started.child.kill('SIGKILL');
    for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
    await shared.remove();
  });

  it('when a query is registered through one (two points) and run by hash through the other (one), then the principal has spent its three points across both and both refuse its next request; both exit 0 on SIGTERM', async () => {
    const [a, b] = gateways.map((gateway) => gateway.url) as [string, string];
    const token = await testToken('frontend', { subject: 'two-processes' });
    const hash = queryHash(RULE_SET);

    const registered = await persistedQuery(a, token, hash, RULE_SET);
    const byHash = await persistedQuery(b, token, hash, null);
    const next = [await post(a, token, RULE_SET), await post(b, token, RULE_SET)];
    for (const { started } of gateways) started.child.kill('SIGTERM');

    const answer = { status: 200, body: { data: { ruleSet: { version: '2025' } } } };
    expect({ registered, byHash, next, exits: await Promise.all(gateways.map(({ started }) => started.exited)) }).toEqual({
      registered: answer,
      byHash: answer,
      next: [429, 429],
      exits: [0, 0],
    });
  });
});
