import { DASHBOARD_PANELS, dashboardQuery, REGIONS_QUERY_ID } from '../../gateway/dashboard/dashboard';
import { exampleOperations } from '../../gateway/playground/graphiql';
import { print } from 'graphql';
import { ResolveRegsosekPageDocument } from '../../generated/graphql/graphql';
import { createGatewayClient } from '../../resolution/gateway-client';
import { resolveHouseholds } from '../../resolution/run';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken } from '../support/tokens';
import { authenticationCases } from './authentication';

const ALLOWED_ORIGIN = 'https://app.example.go.id';

const validationFailed = (message: string) => ({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
const costRefused = (cost: number) =>
  validationFailed(
    `Operation cost limit of 25000 exceeded, found ${cost}: a list counts once per item it may hold (its first, else an assumed size, see docs/security.md)`,
  );

/** `household { members { households { members … nik } } }`, `levels` deep as graphql-armor counts (the leaf included). */
function nestedQuery(levels: number): string {
  let selection = levels % 2 === 1 ? 'nik' : 'noKK';
  for (let level = levels - 2; level >= 1; level -= 1) {
    selection = `${level % 2 === 1 ? 'members' : 'households'} { ${selection} }`;
  }
  return `{ household(noKK: "${SUTRISNO_KK}") { ${selection} } }`;
}

/** A POST with a valid full-access token, so that what is refused is the request itself. */
async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(url, { method: 'POST', headers: { ...headers, authorization: `Bearer ${await fullAccessToken()}` }, body });
}

async function get(url: string, headers: Record<string, string>) {
  return fetch(url, { headers: { ...headers, authorization: `Bearer ${await fullAccessToken()}` } });
}

async function whole(response: Response) {
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

describe('the API surface in production (introspection off, CORS for one origin)', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      introspection: false,
      corsOrigins: [ALLOWED_ORIGIN],
    });
  });
  afterAll(() => system.stop());

  it('when a client asks for the schema, then introspection is refused', async () => {
    const response = await system.query('{ __schema { queryType { name } } }');

    expect(response).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    });
  });

  it('when a field is misspelt, then the error does not suggest the real field name', async () => {
    const response = await system.query(`{ household(noKK: "${SUTRISNO_KK}") { membrs { nik } } }`);

    expect(response).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Cannot query field "membrs" on type "Household". [Suggestion hidden]?',
            locations: [{ line: 1, column: 41 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    });
    expect(JSON.stringify(response.body)).not.toContain('Did you mean');
  });

  it('when a page from the allowed origin calls, then CORS lets it read the answer; another origin gets no CORS header', async () => {
    const preflight = (origin: string) =>
      fetch(system.gatewayUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

    const [allowed, other] = await Promise.all([preflight(ALLOWED_ORIGIN), preflight('https://evil.example.com')]);

    expect({
      allowed: [allowed.status, allowed.headers.get('access-control-allow-origin'), allowed.headers.get('access-control-allow-methods')],
      other: other.headers.get('access-control-allow-origin'),
    }).toEqual({ allowed: [204, ALLOWED_ORIGIN, 'GET,POST'], other: null });
  });
});

describe('the API surface in development (the defaults of test systems)', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE });
  });
  afterAll(() => system.stop());

  // Authentication is checked on this system too: its cases need nothing but the defaults.
  describe('authentication at the gateway', () => authenticationCases(() => system));

  it('when a client asks for the schema, then introspection answers', async () => {
    const response = await system.query('{ __schema { queryType { name } } }');

    expect(response).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } });
  });

  it('when a field is misspelt, then the error suggests the real field name', async () => {
    const response = await system.query(`{ household(noKK: "${SUTRISNO_KK}") { membrs { nik } } }`);

    expect(response.body.errors).toEqual([
      {
        message: 'Cannot query field "membrs" on type "Household". Did you mean "members"?',
        locations: [{ line: 1, column: 41 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('when no CORS origin is configured, then no CORS header is sent', async () => {
    const response = await fetch(system.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.go.id', 'access-control-request-method': 'POST' },
    });

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('operation limits', () => {
    it('when every playground example and dashboard query is sent, then none is refused by a limit', async () => {
      const operations = [
        ...exampleOperations().map((example) => [example.file, example.query, example.variables] as const),
        ...[...DASHBOARD_PANELS.map((panel) => panel.id), REGIONS_QUERY_ID].map((id) => [id, dashboardQuery(id), undefined] as const),
      ];

      const statuses = await Promise.all(
        operations.map(async ([name, query, variables]) => [name, (await system.query(query, variables as Record<string, unknown>)).status]),
      );

      expect(statuses).toEqual(operations.map(([name]) => [name, 200]));
    });

    it("when the resolution's largest operation (100 aliased households) is sent, then it is answered", async () => {
      const unknown = Array.from({ length: 99 }, (_, i) => `3172019999${String(i).padStart(6, '0')}`);

      const resolved = await resolveHouseholds(createGatewayClient(system.gatewayUrl, system.indexerToken), [SUTRISNO_KK, ...unknown]);

      expect(resolved.map((household) => household.noKK)).toEqual([SUTRISNO_KK]);
    });

    it('when an operation has 101 aliases, then it is refused', async () => {
      const fields = Array.from({ length: 101 }, (_, i) => `h${i}: household(noKK: "${SUTRISNO_KK}") { noKK }`);

      const response = await system.query(`{ ${fields.join(' ')} }`);

      expect(response).toEqual({
        status: 400,
        body: { errors: [validationFailed('Syntax Error: Aliases limit of 100 exceeded, found 101.')] },
      });
    });

    it('when a scanner sends 101 aliases of __typename, then they are refused like any other aliases', async () => {
      const aliases = Array.from({ length: 101 }, (_, i) => `t${i}: __typename`);

      const response = await system.query(`{ ${aliases.join(' ')} }`);

      expect(response).toEqual({
        status: 400,
        body: { errors: [validationFailed('Syntax Error: Aliases limit of 100 exceeded, found 101.')] },
      });
    });

    it('when a client such as Apollo Client adds an unaliased __typename to every selection, then none of them counts as an alias', async () => {
      // Households without @requires fields: the plan stays one fetch, so the test measures the alias count, not 100 federated look-ups.
      const fields = Array.from({ length: 100 }, (_, i) => `h${i}: household(noKK: "${SUTRISNO_KK}") { __typename noKK }`);

      const response = await system.query(`{ __typename ruleSet { __typename version } ${fields.join(' ')} }`);

      expect({ status: response.status, errors: response.body.errors, ruleSet: response.body.data?.['ruleSet'], first: response.body.data?.['h0'] }).toEqual({
        status: 200,
        errors: undefined,
        ruleSet: { __typename: 'RuleSetInfo', version: '2025' },
        first: { __typename: 'Household', noKK: SUTRISNO_KK },
      });
    });

    it("when a page of the resolution run (100 families with every resolved field) is sent, then it is answered", async () => {
      const response = await system.query(
        print(ResolveRegsosekPageDocument),
        { first: 100, after: null },
        system.indexerToken,
      );

      expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 200, errors: undefined });
    });

    it('when a page of 100 households is followed through their members to their families and on (the nested first: 100 operation), then the cost limit refuses it', async () => {
      const response = await system.query('{ households(first: 100) { nodes { members { households { members { households { noKK } } } } } } }');

      expect(response).toEqual({ status: 400, body: { errors: [costRefused(166_202)] } });
    });

    it('when an operation is 20 levels deep (the circular members → households → members chain), then it is refused', async () => {
      const response = await system.query(nestedQuery(20));

      expect(response).toEqual({
        status: 400,
        body: { errors: [validationFailed('Syntax Error: Query depth limit of 10 exceeded, found 20.'), costRefused(2_128_842_105_262)] },
      });
    });

    it('when a field carries 50 @include directives, then the operation is refused', async () => {
      const response = await system.query(`{ household(noKK: "${SUTRISNO_KK}") { ${'noKK @include(if: true) '.repeat(50)} } }`);

      expect(response).toEqual({
        status: 400,
        body: { errors: [validationFailed('Syntax Error: Directives limit of 20 exceeded, found 50.')] },
      });
    });

    it('when fragments spread each other twice over (a fragment bomb), then cost and depth refuse it', async () => {
      const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Household { noKK ...F${i + 1} ...F${i + 1} }`);

      const response = await system.query(
        `{ household(noKK: "${SUTRISNO_KK}") { ...F0 } } ${fragments.join(' ')} fragment F20 on Household { noKK }`,
      );

      expect(response).toEqual({
        status: 400,
        body: {
          errors: [validationFailed('Syntax Error: Query depth limit of 10 exceeded, found 44.'), costRefused(2_097_153)],
        },
      });
    });

    it('when an operation floods the parser with tokens, then parsing stops at 5,000', async () => {
      const response = await system.query(`{ household(noKK: "${SUTRISNO_KK}") { ${'noKK '.repeat(5001)} } }`);

      expect(response).toEqual({
        status: 400,
        body: {
          errors: [
            {
              message: 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.',
              locations: [{ line: 1, column: 25001 }],
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            },
          ],
        },
      });
    });
  });

  describe('HTTP', () => {
    const csrfMessage =
      "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n";
    const badRequest = (message: string) => JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }) + '\n';

    it('when a JSON array of operations is posted (batching), then it is refused', async () => {
      const response = await post(system.gatewayUrl, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));

      expect(await whole(response)).toEqual({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        body: badRequest('Operation batching disabled.'),
      });
    });

    it('when an operation is posted as text/plain (a cross-site form), then CSRF prevention refuses it', async () => {
      const response = await post(system.gatewayUrl, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });

      expect(await whole(response)).toEqual({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        body: badRequest(csrfMessage),
      });
    });

    it('when a cross-site HTML form posts an operation (urlencoded or multipart), then CSRF prevention refuses it', async () => {
      const form = new URLSearchParams({ query: '{ __typename }' });
      const multipart = new FormData();
      multipart.set('query', '{ __typename }');

      const answers = await Promise.all([
        post(system.gatewayUrl, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' }),
        fetch(system.gatewayUrl, { method: 'POST', body: multipart, headers: { authorization: `Bearer ${await fullAccessToken()}` } }),
      ]);

      expect(await Promise.all(answers.map(whole))).toEqual([
        { status: 400, contentType: 'application/json; charset=utf-8', body: badRequest(csrfMessage) },
        { status: 400, contentType: 'application/json; charset=utf-8', body: badRequest(csrfMessage) },
      ]);
    });

    it('when a mutation is sent with GET, then it is refused', async () => {
      const url = `${system.gatewayUrl}?query=${encodeURIComponent('mutation { __typename }')}`;

      const response = await get(url, { accept: 'application/json', 'apollo-require-preflight': 'true' });

      expect(await whole(response)).toEqual({
        status: 405,
        contentType: 'application/json; charset=utf-8',
        body: badRequest('GET requests only support query operations, not mutation operations'),
      });
    });

    it('when a GET query comes without a preflight header, then CSRF prevention refuses it; with one it is answered', async () => {
      const url = `${system.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;

      const [plain, preflighted] = await Promise.all([
        get(url, { accept: 'application/json' }),
        get(url, { accept: 'application/json', 'apollo-require-preflight': 'true' }),
      ]);

      expect([await whole(plain), await whole(preflighted)]).toEqual([
        { status: 400, contentType: 'application/json; charset=utf-8', body: badRequest(csrfMessage) },
        { status: 200, contentType: 'application/json; charset=utf-8', body: '{"data":{"__typename":"Query"}}\n' },
      ]);
    });

    it('when the body is 2 MB, then 413 comes back as a GraphQL-shaped JSON error', async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } });

      const response = await post(system.gatewayUrl, body);

      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 413,
        body: { errors: [{ message: 'The request body is too large', extensions: { code: 'BAD_REQUEST' } }] },
      });
    });

    it('when requests go wrong in every way above, then no answer carries a stack trace', async () => {
      const url = system.gatewayUrl;
      const answers = await Promise.all([
        post(url, '{"query": '),
        post(url, JSON.stringify({ query: '{ household(noKK: ' })),
        post(url, JSON.stringify({ query: nestedQuery(20) })),
        post(url, JSON.stringify({ query: '{ household(noKK: "1") { noKK } }' })),
        post(url, JSON.stringify({ query: `{ household(noKK: "${SUTRISNO_KK}") { ${'noKK '.repeat(5001)} } }` })),
        post(url, JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } })),
        post(url, '[{"query": "{ __typename }"}]'),
        post(url, 'query', { 'content-type': 'text/plain' }),
        fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }),
      ]);
      const bodies = await Promise.all(answers.map((answer) => answer.text()));

      expect(bodies.filter((text) => /\bat .*\.[jt]s:\d+/.test(text) || /\.ts:\d+/.test(text))).toEqual([]);
      expect(bodies.filter((text) => text.trimStart().startsWith('<'))).toEqual([]);
    });
  });
});
