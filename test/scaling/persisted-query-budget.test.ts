import { RedisPersistedQueryCache } from '../../gateway/shared-state/redis-apq-cache';
import { EVALUATION_DATE, WORLD } from '../federated/fixtures';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import { paddedQuery, PERSISTED_QUERY_NOT_FOUND, persistedQuery, post, queryHash, RULE_SET_ANSWER } from './apq-client';
import { openTestSharedState, usesTestRedis, type TestSharedState } from './test-redis';
import { silentLogger } from '../../common/logging/logger';

usesTestRedis();

const RULE_SET = '{ ruleSet { version } }';
/** Nine 1.5 KiB documents fit, each counted with its 320 bytes of overhead. */
const LIMITS = { maxQueryBytes: 2048, budgetBytes: 16 * 1024 };

describe('persisted queries in Redis beyond their budget, two gateway instances', () => {
  let shared: TestSharedState;
  let system: RunningSystem;
  let gateways: [string, string];
  beforeAll(async () => {
    shared = await openTestSharedState();
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, rateLimitPerMinute: 10, sharedState: shared, persistedQueryLimits: LIMITS });
    gateways = [system.gatewayUrl, await system.startAnotherGateway()];
  });
  afterAll(async () => {
    await system.stop();
    await shared.remove();
  });

  const documentsKey = () => `${shared.keyPrefix}apq:documents`;
  const lastUsedKey = () => `${shared.keyPrefix}apq:last-used`;

  it('when eight tokens register 24 documents through both instances, then Redis keeps them within the budget, least recently used out first, a query in use stays, and the rate limit in Redis still counts every principal', async () => {
    const victim = await testToken('frontend', { subject: 'redis-budget-victim' });
    const reader = await testToken('frontend', { subject: 'redis-budget-reader' });
    const kept = await testToken('frontend', { subject: 'redis-budget-kept' });
    const inUse = paddedQuery(512, 'in use');
    const before = [];
    for (let i = 0; i < 3; i += 1) before.push(await post(gateways[i % 2] as string, victim, RULE_SET));
    await persistedQuery(gateways[0], kept, queryHash(inUse), inUse);

    const documents: string[] = [];
    for (let registrar = 0; registrar < 8; registrar += 1) {
      const token = await testToken('frontend', { subject: `redis-budget-registrar-${registrar}` });
      for (let i = 0; i < 3; i += 1) {
        const document = paddedQuery(1536, `registrar ${registrar} document ${i}`);
        documents.push(document);
        await persistedQuery(gateways[(registrar + i) % 2] as string, token, queryHash(document), document);
      }
      if (registrar % 2 === 1) await persistedQuery(gateways[1], reader, queryHash(inUse), null);
    }
    const victimCount = await shared.redis.get(`${shared.keyPrefix}rate-limit:Test organisation\u0000redis-budget-victim`);
    const counted = Number(await shared.redis.hget(documentsKey(), '#bytes'));
    const entries = (await shared.redis.hlen(documentsKey())) - 1;
    const redisBytes = Number(await shared.redis.memory('USAGE', documentsKey(), 'SAMPLES', 0)) + Number(await shared.redis.memory('USAGE', lastUsedKey(), 'SAMPLES', 0));
    const after = [];
    for (let i = 0; i < 8; i += 1) after.push(await post(gateways[i % 2] as string, victim, RULE_SET));

    expect({
      before,
      victimCount,
      withinBudget: counted <= LIMITS.budgetBytes,
      entries,
      lastUsedEntries: await shared.redis.zcard(lastUsedKey()),
      // Redis's allocator rounds each text up (by up to a quarter): the memory stays near the budget, not the 44 KiB registered.
      redisWithinTwiceTheBudget: redisBytes <= 2 * LIMITS.budgetBytes,
      first: await persistedQuery(gateways[0], reader, queryHash(documents[0] as string), null),
      last: await persistedQuery(gateways[1], reader, queryHash(documents[23] as string), null),
      inUse: await persistedQuery(gateways[0], reader, queryHash(inUse), null),
      after,
    }).toEqual({
      before: [200, 200, 200],
      victimCount: '3',
      withinBudget: true,
      entries: 9,
      lastUsedEntries: 9,
      redisWithinTwiceTheBudget: true,
      first: PERSISTED_QUERY_NOT_FOUND,
      last: RULE_SET_ANSWER,
      inUse: RULE_SET_ANSWER,
      after: [200, 200, 200, 200, 200, 200, 200, 429],
    });
  });

  it('when a 1 MB document is registered, then it is refused with 400 PERSISTED_QUERY_TOO_LARGE and Redis holds nothing of it', async () => {
    const token = await testToken('frontend', { subject: 'redis-megabyte-registrar' });
    const huge = paddedQuery(1_000_000, 'megabyte in redis');

    const registration = await persistedQuery(gateways[0], token, queryHash(huge), huge);

    expect({ registration, stored: await shared.redis.hexists(documentsKey(), `apq:${queryHash(huge)}`) }).toEqual({
      registration: {
        status: 400,
        body: { errors: [{ message: 'A persisted query may be at most 2048 bytes; this one has 1000000: send it without the persistedQuery extension', extensions: { code: 'PERSISTED_QUERY_TOO_LARGE' } }] },
      },
      stored: 0,
    });
  });
});

describe('the Redis persisted query cache', () => {
  let shared: TestSharedState;
  let cache: RedisPersistedQueryCache;
  beforeAll(async () => {
    shared = await openTestSharedState();
    cache = new RedisPersistedQueryCache(shared.redis, shared.keyPrefix, LIMITS, silentLogger());
  });
  afterAll(() => shared.remove());

  it('when a text over the largest is set, or one is set again and deleted, then the stored texts and the bytes they count agree', async () => {
    await cache.set('apq:oversized', 'x'.repeat(LIMITS.maxQueryBytes + 1));
    await cache.set('apq:a', 'a'.repeat(1000));
    await cache.set('apq:b', 'b'.repeat(500));
    await cache.set('apq:a', 'a'.repeat(700));
    const deleted = await cache.delete('apq:b');

    expect({
      oversized: await cache.get('apq:oversized'),
      a: await cache.get('apq:a'),
      b: await cache.get('apq:b'),
      deleted,
      counted: await shared.redis.hget(`${shared.keyPrefix}apq:documents`, '#bytes'),
    }).toEqual({ oversized: undefined, a: 'a'.repeat(700), b: undefined, deleted: true, counted: String(700 + 320) });
  });
});
