import { EVALUATION_DATE, PENJARINGAN, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import { rateLimitCases } from '../security/rate-limit';
import { persistedQuery, post, queryHash } from './apq-client';
import { openTestSharedState, usesTestRedis, type TestSharedState } from './test-redis';

usesTestRedis();

const HOUSEHOLD = 'query Household($noKK: String!) { household(noKK: $noKK) { sources region { code } } }';
const RULE_SET = '{ ruleSet { version } }';
const NOT_FOUND = { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } };

describe('two gateway instances sharing one Redis', () => {
  let shared: TestSharedState;
  let system: RunningSystem;
  let gatewayA: string;
  let gatewayB: string;
  beforeAll(async () => {
    shared = await openTestSharedState();
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, rateLimitPerMinute: 3, sharedState: shared });
    gatewayA = system.gatewayUrl;
    gatewayB = await system.startAnotherGateway();
  });
  afterAll(async () => {
    await system.stop();
    await shared.remove();
  });

  it('when a client registers a persisted query on instance A, then instance B runs it by its hash alone', async () => {
    // The registration costs two of the three points a minute, so another client asks by hash.
    const registrar = await testToken('frontend', { subject: 'apq-client' });
    const reader = await testToken('frontend', { subject: 'apq-reader' });
    const hash = queryHash(HOUSEHOLD);

    const beforeRegistration = await persistedQuery(gatewayB, reader, hash, null, { noKK: SUTRISNO_KK });
    const registration = await persistedQuery(gatewayA, registrar, hash, HOUSEHOLD, { noKK: SUTRISNO_KK });
    const byHashOnB = await persistedQuery(gatewayB, reader, hash, null, { noKK: SUTRISNO_KK });

    const household = { status: 200, body: { data: { household: { sources: ['DTKS', 'REGSOSEK', 'P3KE'], region: { code: PENJARINGAN } } } } };
    expect({ beforeRegistration, registration, byHashOnB, keys: await shared.keys('apq:'), text: await shared.redis.hget(`${shared.keyPrefix}apq:documents`, `apq:${hash}`) }).toEqual({
      beforeRegistration: NOT_FOUND,
      registration: household,
      byHashOnB: household,
      keys: [`${shared.keyPrefix}apq:documents`, `${shared.keyPrefix}apq:last-used`],
      text: HOUSEHOLD,
    });
  });

  it('when a persisted query is registered, then Redis keeps it for 24 hours after its last use', async () => {
    const token = await testToken('frontend', { subject: 'apq-ttl-client' });
    const hash = queryHash(RULE_SET);

    await persistedQuery(gatewayA, token, hash, RULE_SET);
    const lastUsed = Number(await shared.redis.zscore(`${shared.keyPrefix}apq:last-used`, `apq:${hash}`));
    const ttls = [await shared.redis.ttl(`${shared.keyPrefix}apq:documents`), await shared.redis.ttl(`${shared.keyPrefix}apq:last-used`)];

    expect({ usedNow: Math.abs(lastUsed - Date.now()) < 60_000, ttls: ttls.map((ttl) => ttl > 24 * 60 * 60 - 60 && ttl <= 24 * 60 * 60) }).toEqual({ usedNow: true, ttls: [true, true] });
  });

  it('when a client sends a hash no instance has seen, then both answer PERSISTED_QUERY_NOT_FOUND', async () => {
    const token = await testToken('frontend', { subject: 'unknown-hash-client' });
    const hash = queryHash('{ never { registered } }');

    expect([await persistedQuery(gatewayA, token, hash, null), await persistedQuery(gatewayB, token, hash, null)]).toEqual([NOT_FOUND, NOT_FOUND]);
  });

  it('when one principal spreads its requests over both instances, then they count against one budget', async () => {
    const busy = await testToken('frontend', { subject: 'busy-across-instances' });
    const other = await testToken('frontend', { subject: 'other-across-instances' });

    const statuses = [
      await post(gatewayA, busy, RULE_SET),
      await post(gatewayA, busy, RULE_SET),
      await post(gatewayB, busy, RULE_SET),
      await post(gatewayA, busy, RULE_SET),
      await post(gatewayB, busy, RULE_SET),
    ];

    expect({ statuses, other: await post(gatewayB, other, RULE_SET) }).toEqual({ statuses: [200, 200, 200, 429, 429], other: 200 });
  });
});

describe('two gateway instances without Redis', () => {
  let system: RunningSystem;
  let gatewayA: string;
  let gatewayB: string;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, rateLimitPerMinute: 3 });
    gatewayA = system.gatewayUrl;
    gatewayB = await system.startAnotherGateway();
  });
  afterAll(() => system.stop());

  it('when a persisted query is registered on instance A, then only A knows it: B answers PERSISTED_QUERY_NOT_FOUND', async () => {
    const token = await testToken('frontend', { subject: 'apq-alone' });
    const reader = await testToken('frontend', { subject: 'apq-alone-reader' });
    const hash = queryHash(RULE_SET);

    await persistedQuery(gatewayA, token, hash, RULE_SET);

    expect({ onA: await persistedQuery(gatewayA, reader, hash, null), onB: await persistedQuery(gatewayB, reader, hash, null) }).toEqual({
      onA: { status: 200, body: { data: { ruleSet: { version: '2025' } } } },
      onB: NOT_FOUND,
    });
  });

  it('when one principal uses both instances, then each counts its own budget', async () => {
    const busy = await testToken('frontend', { subject: 'busy-alone' });

    const statuses = [];
    for (const url of [gatewayA, gatewayA, gatewayA, gatewayA, gatewayB, gatewayB]) statuses.push(await post(url, busy, RULE_SET));

    expect(statuses).toEqual([200, 200, 200, 429, 200, 200]);
  });

  // The rate limit per principal (security) needs just this: a gateway counting 3 a minute in memory.
  describe('the rate limit per principal', () => rateLimitCases(() => system));
});
