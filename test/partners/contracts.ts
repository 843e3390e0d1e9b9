import { readFileSync } from 'node:fs';
import { contractPath } from '../../gateway/supergraph/subgraphs';
import { SUTRISNO_KK } from '../federated/fixtures';
import type { RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

export const MINISTRY_ORIGIN = 'https://apps.bpjs-kesehatan.example.go.id';

const REFUSAL = {
  status: 403,
  body: { errors: [{ message: 'The operation selects what the contract of this token does not hold (GET /schema returns the contract)', extensions: { code: 'FORBIDDEN' } }] },
};

/** Partner contracts at the gateway, on a system over TWO_CITIES whose CORS_ORIGINS hold MINISTRY_ORIGIN. */
export function contractCases(system: () => RunningSystem): void {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    tokens['frontend'] = await testToken('frontend');
    tokens['analyst'] = await testToken('analyst');
    tokens['auditor'] = await testToken('auditor');
    tokens['pbi-jk'] = await testToken('partner', { programmes: ['PBI_JK'] });
    tokens['pip'] = await testToken('partner', { programmes: ['PIP'] });
    tokens['frontend+auditor'] = await testToken(['frontend', 'auditor']);
  });

  const schemaOf = (token?: string, origin?: string) =>
    fetch(`${system().gatewayUrl.replace(/\/graphql$/, '')}/schema`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(origin ? { origin } : {}) } });

  it('when a PBI-JK partner selects a register record outside its contract, then it is refused naming no field and suggesting none', async () => {
    const response = await system().query(`{ household(noKK: "${SUTRISNO_KK}") { noKK dtks { dtksId } } }`, {}, tokens['pbi-jk']);

    expect(response).toEqual(REFUSAL);
  });

  it('when a partner misspells a hidden field, then the refusal suggests nothing (no "Did you mean")', async () => {
    const response = await system().query(`{ household(noKK: "${SUTRISNO_KK}") { dataQualit { code } } }`, {}, tokens['pip']);

    expect(response.body.errors).toEqual([
      { message: 'Cannot query field "dataQualit" on type "Household".', locations: [{ line: 1, column: 41 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
  });

  it('when a partner misspells a field of its contract, then the suggestion (left on in development) names it', async () => {
    const response = await system().query(`{ household(noKK: "${SUTRISNO_KK}") { membrs { nik } } }`, {}, tokens['pbi-jk']);

    expect(response.body.errors).toEqual([
      {
        message: 'Cannot query field "membrs" on type "Household". Did you mean "members"?',
        locations: [{ line: 1, column: 41 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('when a partner asks for a listing through a fragment, then it is refused all the same', async () => {
    const response = await system().query('query { ...F } fragment F on Query { households { totalCount } }', {}, tokens['pbi-jk']);

    expect(response).toEqual(REFUSAL);
  });

  it('when a partner looks a family up within its contract, then it is answered', async () => {
    const response = await system().query(`{ household(noKK: "${SUTRISNO_KK}") { noKK eligibility { program } } }`, {}, tokens['pbi-jk']);

    expect(response).toEqual({ status: 200, body: { data: { household: { noKK: SUTRISNO_KK, eligibility: [{ program: 'PBI_JK' }] } } } });
  });

  it.each([
    ['frontend', 'public'],
    ['analyst', 'analyst'],
    ['auditor', 'auditor'],
    ['pbi-jk', 'partner-pbi-jk'],
    ['pip', 'partner-pip'],
  ])('when a %s token GETs /schema, then it is given the %s contract as text', async (token, profile) => {
    const response = await schemaOf(tokens[token]);

    expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([200, 'text/plain; charset=utf-8', readFileSync(contractPath(profile), 'utf8')]);
  });

  it('when a token of two roles GETs /schema, then it is given the union of their contracts', async () => {
    const sdl = await (await schemaOf(tokens['frontend+auditor'])).text();

    expect([sdl.includes('auditTrail('), sdl.includes('household('), sdl.includes('households(')]).toEqual([true, true, false]);
  });

  it('when a ministry\'s web app asks /schema, then it gets the same CORS answer as /graphql: its own origin allowed, another not', async () => {
    const allowed = await schemaOf(tokens['pbi-jk'], MINISTRY_ORIGIN);
    const other = await schemaOf(tokens['pbi-jk'], 'https://elsewhere.example.com');

    expect([allowed.headers.get('access-control-allow-origin'), other.headers.get('access-control-allow-origin')]).toEqual([MINISTRY_ORIGIN, null]);
  });

  it('when /schema is asked without a token, then it is 401', async () => {
    const response = await schemaOf();

    expect([response.status, await response.json()]).toEqual([401, { errors: [{ message: 'Send a token: Authorization: Bearer <token>', extensions: { code: 'UNAUTHENTICATED' } }] }]);
  });
}
