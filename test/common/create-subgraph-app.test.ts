import { buildSubgraphSchema } from '@apollo/subgraph';
import type express from 'express';
import { parse } from 'graphql';
import { createSubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { listen, locationOf, postGraphQL, type Listening } from './http-client';

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

  beforeAll(async () => {
    const built = await createSubgraphApp({
      name: 'test',
      schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
      context: (req: express.Request) => ({ caller: req.get('x-caller') ?? 'anonymous' }),
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

  it('when a request comes in, then the context is built from it', async () => {
    const response = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': 'gateway' },
      body: JSON.stringify({ query: '{ caller }' }),
    });

    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { data: { caller: 'gateway' } } });
  });

  it('when a resolver fails with an internal error, then the client gets a bare internal error and the log gets the real one', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const query = '{ broken }';

    const answer = await postGraphQL(server.origin, query);

    expect({ answer, logged: log.mock.calls.map(([prefix, error]) => [prefix, (error as Error).message]) }).toEqual({
      answer: {
        status: 200,
        body: {
          data: { broken: null },
          errors: [
            {
              message: 'Internal server error',
              locations: [locationOf(query, 'broken')],
              path: ['broken'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        },
      },
      logged: [['[test] internal error:', "ER_NO_SUCH_TABLE: SELECT * FROM dtks_family WHERE no_kk IN ('3172') at db.internal:3306"]],
    });
  });

  it('when a query names an unknown field, then the validation error keeps its message and code', async () => {
    const answer = await postGraphQL(server.origin, '{ nope }');

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

  it('when a GET query comes without a preflight header, then it is blocked as a possible CSRF; with one, it is answered', async () => {
    const url = `${server.origin}/graphql?query=${encodeURIComponent('{ caller }')}`;

    const [simple, preflighted] = await Promise.all([fetch(url), fetch(url, { headers: { 'apollo-require-preflight': 'true' } })]);

    expect([
      { status: simple.status, blocked: (await simple.text()).includes('Cross-Site Request Forgery') },
      { status: preflighted.status, body: await preflighted.json() },
    ]).toEqual([
      { status: 400, blocked: true },
      { status: 200, body: { data: { caller: 'anonymous' } } },
    ]);
  });

  it('when a client introspects, then the schema is described', async () => {
    const answer = await postGraphQL(server.origin, '{ __schema { queryType { name } } }');

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
