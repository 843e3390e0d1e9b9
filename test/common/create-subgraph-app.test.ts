import { buildSubgraphSchema } from '@apollo/subgraph';
import type express from 'express';
import { parse } from 'graphql';
import { encodePrincipal, signRequest, SIGNATURE_VALIDITY_MS } from '../../common/auth/signature';
import { createSubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { captureLogs } from '../support/log-capture';
import { signedJsonHeaders, TEST_SIGNING_SECRET, testPrincipal } from '../support/principals';
import { listen, locationOf, postSignedGraphQL, type Listening } from './http-client';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { caller: String! broken: String }
`);

const resolvers = {
  Query: {
    caller: (_root: unknown, _args: unknown, context: { caller: string }) => context.caller,
    broken: () => {
      throw new Error("ER_NO_SUCH_TABLE: SELECT * FROM dtks_family WHERE no_kk IN ('3172') at db.internal:3306");
    },
  },
};

describe('createSubgraphApp', () => {
  let server: Listening;
  let stop: () => Promise<void>;
  let storeUp = true;
  const logs = captureLogs();

  beforeAll(async () => {
    const built = await createSubgraphApp({
      schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
      signingSecret: TEST_SIGNING_SECRET,
      context: (req: express.Request, principal, request) => ({ caller: `${principal.subject} via ${req.get('x-via') ?? 'nothing'}`, ...request }),
      logger: logs.loggerFor('test'),
      ready: async () => {
        if (!storeUp) throw new Error('store down');
      },
    });
    stop = built.stop;
    server = await listen(built.app);
  });

  afterAll(async () => {
    await server.close();
    await stop();
  });

  afterEach(() => {
    storeUp = true;
    jest.restoreAllMocks();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${server.origin}/graphql`, { method: 'POST', headers, body }).then(async (response) => ({
      status: response.status,
      body: await response.json(),
    }));
  const refused = (reason: string) => ({
    status: 401,
    body: { errors: [{ message: `Request refused: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } }] },
  });
  const callerQuery = JSON.stringify({ query: '{ caller }' });

  it('when a signed request comes in, then the context is built from the request and the signed principal', async () => {
    const answer = await post(callerQuery, { ...signedJsonHeaders(TEST_SIGNING_SECRET, callerQuery, testPrincipal('analyst')), 'x-via': 'gateway' });

    expect(answer).toEqual({ status: 200, body: { data: { caller: 'test-analyst via gateway' } } });
  });

  it('when a request is not signed, then it is refused with 401 UNAUTHENTICATED before any resolver runs', async () => {
    const answer = await post(callerQuery, { 'content-type': 'application/json' });

    expect(answer).toEqual(refused('the request is not signed by the gateway'));
  });

  it('when the signature was made with another secret, then the request is refused', async () => {
    const forged = signRequest('another-secret-of-enough-length-0123456789', encodePrincipal(testPrincipal('indexer')), callerQuery);

    const answer = await post(callerQuery, { 'content-type': 'application/json', ...forged });

    expect(answer).toEqual(refused('the signature does not match'));
  });

  it('when the principal is changed after signing, then the request is refused', async () => {
    const headers = signedJsonHeaders(TEST_SIGNING_SECRET, callerQuery, testPrincipal('frontend'));

    const answer = await post(callerQuery, { ...headers, 'x-dtsen-principal': encodePrincipal(testPrincipal('indexer')) });

    expect(answer).toEqual(refused('the signature does not match'));
  });

  it('when the body is altered after signing, then the request is refused', async () => {
    const headers = signedJsonHeaders(TEST_SIGNING_SECRET, callerQuery);

    const answer = await post(JSON.stringify({ query: '{ broken }' }), headers);

    expect(answer).toEqual(refused('the signature does not match'));
  });

  it('when a signed request is replayed after the signature validity, then it is refused as expired', async () => {
    const headers = signedJsonHeaders(TEST_SIGNING_SECRET, callerQuery, testPrincipal('indexer'), Date.now() - SIGNATURE_VALIDITY_MS - 1_000);

    const answer = await post(callerQuery, headers);

    expect(answer).toEqual(refused('the signature has expired'));
  });

  it('when the signature header is not a signature, then the request is refused as malformed', async () => {
    const answer = await post(callerQuery, {
      'content-type': 'application/json',
      'x-dtsen-principal': encodePrincipal(testPrincipal('indexer')),
      'x-dtsen-signature': 'v1=deadbeef',
    });

    expect(answer).toEqual(refused('the signature is malformed'));
  });

  it('when a resolver fails with an internal error, then the client gets a bare internal error with the request id and the log gets the real one', async () => {
    logs.clear();
    const query = '{ broken }';

    const body = JSON.stringify({ query });
    const answer = await post(body, { ...signedJsonHeaders(TEST_SIGNING_SECRET, body, testPrincipal('indexer')), 'x-request-id': 'gateway-request-1' });

    const logged = logs
      .lines()
      .filter((line) => line.level === 'error')
      .map((line) => [line.requestId, line.msg, (line['err'] as { message: string }).message]);
    expect({ answer, logged }).toEqual({
      answer: {
        status: 200,
        body: {
          data: { broken: null },
          errors: [
            {
              message: 'Internal server error',
              locations: [locationOf(query, 'broken')],
              path: ['broken'],
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'gateway-request-1' },
            },
          ],
        },
      },
      logged: [['gateway-request-1', 'internal error, masked for the client', "ER_NO_SUCH_TABLE: SELECT * FROM dtks_family WHERE no_kk IN ('3172') at db.internal:3306"]],
    });
  });

  it('when a query names an unknown field, then the validation error keeps its message and code', async () => {
    const answer = await postSignedGraphQL(TEST_SIGNING_SECRET, server.origin, '{ nope }');

    expect(answer).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Cannot query field "nope" on type "Query".',
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    });
  });

  it('when the body is not JSON, then the answer is BAD_REQUEST without a stack trace', async () => {
    const response = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('when the body is larger than 1 MB, then it is refused unread', async () => {
    const response = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ caller }', variables: { padding: 'x'.repeat(1_100_000) } }),
    });

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 413,
      body: { errors: [{ message: 'The request body is too large', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('when a query comes as GET, then it is refused: the operation would travel outside the signed body', async () => {
    const response = await fetch(`${server.origin}/graphql?query=${encodeURIComponent('{ caller }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });

    expect({ status: response.status, allow: response.headers.get('allow'), body: await response.json() }).toEqual({
      status: 405,
      allow: 'POST',
      body: { errors: [{ message: 'Only POST is served', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('when a client introspects, then the schema is described', async () => {
    const answer = await postSignedGraphQL(TEST_SIGNING_SECRET, server.origin, '{ __schema { queryType { name } } }');

    expect(answer).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } });
  });

  it('when the store answers, then the subgraph is live and ready', async () => {
    const [live, ready] = await Promise.all([fetch(`${server.origin}/health/live`), fetch(`${server.origin}/health/ready`)]);

    expect([
      { status: live.status, body: await live.json() },
      { status: ready.status, body: await ready.json() },
    ]).toEqual([
      { status: 200, body: { status: 'ok' } },
      { status: 200, body: { status: 'ok' } },
    ]);
  });

  it('when the store does not answer, then the subgraph is live but not ready', async () => {
    storeUp = false;

    const [live, ready] = await Promise.all([fetch(`${server.origin}/health/live`), fetch(`${server.origin}/health/ready`)]);

    expect([
      { status: live.status, body: await live.json() },
      { status: ready.status, body: await ready.json() },
    ]).toEqual([
      { status: 200, body: { status: 'ok' } },
      { status: 503, body: { status: 'unavailable' } },
    ]);
  });
});
