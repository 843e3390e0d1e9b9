import type Redis from 'ioredis';
import { closeRedis, openRedis } from '../../gateway/shared-state/redis-client';
import { EVALUATION_DATE, WORLD } from '../federated/fixtures';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import { persistedQuery, post, queryHash } from './apq-client';
import { startRedisProxy, type RedisProxy } from './redis-proxy';
import { openTestSharedState, whenReady, usesTestRedis, type TestSharedState } from './test-redis';
import { silentLogger } from '../../common/logging/logger';

usesTestRedis();

const RULE_SET = '{ ruleSet { version } }';
const HASH = queryHash(RULE_SET);
const ANSWER = { status: 200, body: { data: { ruleSet: { version: '2025' } } } };
const NOT_FOUND = { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } };

interface BehindProxy {
  readonly direct: TestSharedState;
  readonly proxy: RedisProxy;
  readonly system: RunningSystem;
  readonly redis: Redis;
}

/**
 * For the enclosing describe: a system whose gateway reaches the test Redis through a proxy (down
 * from the start when `down`), under a key prefix of its own; stopped and removed after the tests.
 */
function gatewayBehindRedisProxy(options: { down?: boolean } = {}): () => BehindProxy {
  let started: BehindProxy | undefined;
  beforeAll(async () => {
    const direct = await openTestSharedState();
    const proxy = await startRedisProxy(options.down ? { down: true } : {});
    const redis = openRedis(proxy.url, silentLogger());
    const system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      rateLimitPerMinute: 3,
      sharedState: { redis, keyPrefix: direct.keyPrefix },
    });
    started = { direct, proxy, system, redis };
  });
  afterAll(async () => {
    if (!started) return;
    await started.system.stop();
    await closeRedis(started.redis);
    await started.proxy.close();
    await started.direct.remove();
  });
  return () => {
    if (!started) throw new Error('the system behind the Redis proxy has not started');
    return started;
  };
}

describe('a gateway whose Redis goes away and comes back', () => {
  const behindProxy = gatewayBehindRedisProxy();
  beforeAll(async () => {
    await whenReady(behindProxy().redis);
  });

  it('when Redis is away, then a registered hash is answered PERSISTED_QUERY_NOT_FOUND, the full query is served, and the rate limit counts in memory', async () => {
    const { system, proxy } = behindProxy();
    const token = await testToken('frontend', { subject: 'outage-client' });
    const busy = await testToken('frontend', { subject: 'outage-busy' });
    const registered = await persistedQuery(system.gatewayUrl, token, HASH, RULE_SET);

    proxy.down();
    const byHash = await persistedQuery(system.gatewayUrl, token, HASH, null);
    const resent = await persistedQuery(system.gatewayUrl, token, HASH, RULE_SET);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await post(system.gatewayUrl, busy, RULE_SET));

    expect({ registered, byHash, resent, statuses }).toEqual({ registered: ANSWER, byHash: NOT_FOUND, resent: ANSWER, statuses: [200, 200, 200, 429] });
  });

  it('when Redis is back, then the queries registered before the outage run by hash again', async () => {
    const { system, proxy, redis } = behindProxy();
    const token = await testToken('frontend', { subject: 'recovered-client' });

    proxy.up();
    await whenReady(redis);

    expect(await persistedQuery(system.gatewayUrl, token, HASH, null)).toEqual(ANSWER);
  });
});

describe('a gateway started while its Redis is down', () => {
  const behindProxy = gatewayBehindRedisProxy({ down: true });

  it('when a client sends a query and then its hash, then the query is served and the hash is unknown, without waiting for Redis', async () => {
    const { system, direct } = behindProxy();
    const token = await testToken('frontend', { subject: 'degraded-client' });
    const started = Date.now();

    const full = await persistedQuery(system.gatewayUrl, token, HASH, RULE_SET);
    const byHash = await persistedQuery(system.gatewayUrl, token, HASH, null);

    expect({ full, byHash, quick: Date.now() - started < 1000, keys: await direct.keys() }).toEqual({ full: ANSWER, byHash: NOT_FOUND, quick: true, keys: [] });
  });
});
