import { EVALUATION_DATE, WORLD } from '../federated/fixtures';
import { paddedQuery, PERSISTED_QUERY_NOT_FOUND, persistedQuery, post, queryHash, RULE_SET_ANSWER } from '../scaling/apq-client';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const RULE_SET = '{ ruleSet { version } }';

const refused = (message: string, code: string) => ({ status: 400, body: { errors: [{ message, extensions: { code } }] } });

describe('automatic persisted queries registered in gateway memory', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, rateLimitPerMinute: 20 });
  });
  afterAll(() => system.stop());

  it('when a token registers a 1 MB document, then it is refused with 400 PERSISTED_QUERY_TOO_LARGE, its hash stays unknown, and the same text sent plainly is served', async () => {
    const token = await testToken('frontend', { subject: 'megabyte-registrar' });
    const huge = paddedQuery(1_000_000, 'megabyte');
    const hash = queryHash(huge);

    const registration = await persistedQuery(system.gatewayUrl, token, hash, huge);
    const byHash = await persistedQuery(system.gatewayUrl, token, hash, null);
    const plain = await system.query(huge, {}, token);

    expect({ registration, byHash, plain }).toEqual({
      registration: refused('A persisted query may be at most 65536 bytes; this one has 1000000: send it without the persistedQuery extension', 'PERSISTED_QUERY_TOO_LARGE'),
      byHash: PERSISTED_QUERY_NOT_FOUND,
      plain: RULE_SET_ANSWER,
    });
  });

  it('when a document of 64 KiB, the largest, is registered, then it runs by its hash', async () => {
    const largest = paddedQuery(64 * 1024, 'largest');
    const reader = await testToken('frontend', { subject: 'largest-reader' });

    // It costs 65 points, more than this gateway's 20 a minute: the resolution run's role is not limited.
    const registration = await persistedQuery(system.gatewayUrl, system.indexerToken, queryHash(largest), largest);

    expect({ registration, byHash: await persistedQuery(system.gatewayUrl, reader, queryHash(largest), null) }).toEqual({
      registration: RULE_SET_ANSWER,
      byHash: RULE_SET_ANSWER,
    });
  });

  it('when the sha256Hash is not the SHA-256 of the query text, by POST or by GET, then the answer is 400 PERSISTED_QUERY_HASH_MISMATCH and nothing is registered', async () => {
    const token = await testToken('frontend', { subject: 'wrong-hash' });
    const wrongHash = queryHash('{ something { else } }');

    const byPost = await persistedQuery(system.gatewayUrl, token, wrongHash, RULE_SET);
    const search = new URLSearchParams({ query: RULE_SET, extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: wrongHash } }) });
    const get = await fetch(`${system.gatewayUrl}?${search}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    const byGet = { status: get.status, body: await get.json() };

    const mismatch = refused('The persistedQuery sha256Hash is not the SHA-256 (hex) of the query text', 'PERSISTED_QUERY_HASH_MISMATCH');
    expect({
      byPost,
      byGet,
      wrongHashKnown: await persistedQuery(system.gatewayUrl, token, wrongHash, null),
      rightHashKnown: await persistedQuery(system.gatewayUrl, token, queryHash(RULE_SET), null),
    }).toEqual({ byPost: mismatch, byGet: mismatch, wrongHashKnown: PERSISTED_QUERY_NOT_FOUND, rightHashKnown: PERSISTED_QUERY_NOT_FOUND });
  });

  it('when a persisted query of another version than 1 is sent, then the answer is 400 BAD_REQUEST', async () => {
    const token = await testToken('frontend', { subject: 'version-two' });
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: queryHash(RULE_SET) } } }),
    });

    expect({ status: response.status, body: await response.json() }).toEqual(refused('Unsupported persisted query version: send version 1', 'BAD_REQUEST'));
  });

  it('when one token registers 1.5 KiB documents one after another, then each costs three points (the request and one per started KiB) and the seventh is refused with 429 unregistered, while another token is served', async () => {
    const registrar = await testToken('frontend', { subject: 'busy-registrar' });
    const reader = await testToken('frontend', { subject: 'registration-reader' });
    const documents = Array.from({ length: 7 }, (_, i) => paddedQuery(1536, `busy ${i}`));

    const statuses = [];
    for (const document of documents) statuses.push((await persistedQuery(system.gatewayUrl, registrar, queryHash(document), document)).status);

    expect({
      statuses,
      seventhKnown: await persistedQuery(system.gatewayUrl, reader, queryHash(documents[6] as string), null),
      other: await post(system.gatewayUrl, reader, RULE_SET),
    }).toEqual({ statuses: [200, 200, 200, 200, 200, 200, 429], seventhKnown: PERSISTED_QUERY_NOT_FOUND, other: 200 });
  });
});

describe('automatic persisted queries beyond the memory budget', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      rateLimitPerMinute: 10,
      // Nine 1.5 KiB documents fit (each counted with its 320 bytes of overhead).
      persistedQueryLimits: { maxQueryBytes: 2048, budgetBytes: 16 * 1024 },
    });
  });
  afterAll(() => system.stop());

  it('when eight tokens register 24 documents, then the least recently used are forgotten, a query in use stays known, and the rate limit still counts every principal', async () => {
    const victim = await testToken('frontend', { subject: 'budget-victim' });
    const reader = await testToken('frontend', { subject: 'budget-reader' });
    const kept = await testToken('frontend', { subject: 'budget-kept' });
    const inUse = paddedQuery(512, 'in use');
    const before = [];
    for (let i = 0; i < 3; i += 1) before.push(await post(system.gatewayUrl, victim, RULE_SET));
    await persistedQuery(system.gatewayUrl, kept, queryHash(inUse), inUse);

    const documents: string[] = [];
    for (let registrar = 0; registrar < 8; registrar += 1) {
      const token = await testToken('frontend', { subject: `budget-registrar-${registrar}` });
      for (let i = 0; i < 3; i += 1) {
        const document = paddedQuery(1536, `registrar ${registrar} document ${i}`);
        documents.push(document);
        await persistedQuery(system.gatewayUrl, token, queryHash(document), document);
      }
      if (registrar % 2 === 1) await persistedQuery(system.gatewayUrl, reader, queryHash(inUse), null);
    }
    const after = [];
    for (let i = 0; i < 8; i += 1) after.push(await post(system.gatewayUrl, victim, RULE_SET));

    expect({
      before,
      first: await persistedQuery(system.gatewayUrl, reader, queryHash(documents[0] as string), null),
      last: await persistedQuery(system.gatewayUrl, reader, queryHash(documents[23] as string), null),
      inUse: await persistedQuery(system.gatewayUrl, reader, queryHash(inUse), null),
      after,
    }).toEqual({
      before: [200, 200, 200],
      first: PERSISTED_QUERY_NOT_FOUND,
      last: RULE_SET_ANSWER,
      inUse: RULE_SET_ANSWER,
      after: [200, 200, 200, 200, 200, 200, 200, 429],
    });
  });
});
