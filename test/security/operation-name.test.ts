import { MAX_OPERATION_NAME_LENGTH, operationNameOf } from '../../gateway/auth/operation-name';
import { BUDI, EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { storeKinds } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

describe('the operation name kept in the audit trail', () => {
  it.each([
    ['the client names it', 'Chosen', { operationName: 'Chosen', query: 'query A { a } query Chosen { b }' }],
    ['the only operation is named', 'CaseFile', { query: 'query CaseFile($noKK: String!) { household(noKK: $noKK) { noKK } }' }],
    ['fragments come first', 'Visit', { query: 'fragment F on Household { noKK } query Visit { household(noKK: "1") { ...F } }' }],
    ['a variable default is an object', 'Find', { query: 'query Find($f: HouseholdFilter = { desilMax: 2 }) { households(filter: $f) { totalCount } }' }],
    ['the operation is anonymous', null, { query: 'query { ruleSet { version } }' }],
    ['the shorthand form is used', null, { query: '{ ruleSet { version } }' }],
    ['two operations and no choice', null, { query: 'query A { a } query B { b }' }],
    ['the document cannot be lexed', null, { query: 'query ¤ { a }' }],
    ['there is no query', null, {}],
  ])('when %s, then the name is %p', (_case, expected, body) => {
    expect(operationNameOf(body)).toBe(expected);
  });
});

describe.each(storeKinds())('the operation name of a request, as the registers record it (%s)', (kind) => {
  let system: RunningSystem;
  let caseworker: string;
  let auditor: string;
  beforeAll(async () => {
    system = await startSystem({ store: kind, data: WORLD, evaluationDate: EVALUATION_DATE });
    caseworker = await testToken('caseworker', { subject: 'worker-7', regions: ['31.72'] });
    auditor = await testToken('auditor');
  });
  afterAll(() => system.stop());

  /** The operations of the caseworker's reads of Budi's record in DTKS, newest first. */
  async function recordedOperations(): Promise<unknown> {
    const trail = await system.query(`{ auditTrail(nik: "${BUDI.nik}") { dtks { subject operation } } }`, {}, auditor);
    const entries = (trail.body.data?.['auditTrail'] as { dtks: { subject: string; operation: string | null }[] }).dtks;
    // Distinct: a caseworker's look-up is recorded twice, by the region check and by the read.
    return [...new Set(entries.filter((entry) => entry.subject === 'worker-7').map((entry) => entry.operation))];
  }

  async function get(parameters: Record<string, string>) {
    const response = await fetch(`${system.gatewayUrl}?${new URLSearchParams(parameters).toString()}`, {
      headers: { authorization: `Bearer ${caseworker}`, 'apollo-require-preflight': 'true' },
    });
    return { status: response.status, body: await response.json() };
  }

  const READ = `household(noKK: "${SUTRISNO_KK}") { dtks { noKK } }`;
  const ANSWER = { status: 200, body: { data: { household: { dtks: { noKK: SUTRISNO_KK } } } } };

  it('when a GET query names its operation in `operationName` or in the document, then the read is recorded with that name', async () => {
    const chosen = await get({ query: `query Other { ruleSet { version } } query HomeVisit { ${READ} }`, operationName: 'HomeVisit' });
    const only = await get({ query: `query CaseFile { ${READ} }` });

    expect({ chosen, only, recorded: await recordedOperations() }).toEqual({ chosen: ANSWER, only: ANSWER, recorded: ['CaseFile', 'HomeVisit'] });
  });

  it(`when an operation name is ${MAX_OPERATION_NAME_LENGTH} characters, then it is answered and recorded whole`, async () => {
    const name = `N${'a'.repeat(MAX_OPERATION_NAME_LENGTH - 1)}`;

    const response = await system.query(`query ${name} { ${READ} }`, {}, caseworker);

    expect({ response, newest: ((await recordedOperations()) as string[])[0] }).toEqual({ response: ANSWER, newest: name });
  });

  it("when an operation name is 20,000 characters (it would overflow the subgraphs' header limit), then it is refused with BAD_REQUEST before any register is asked; over GET too", async () => {
    const long = `N${'a'.repeat(19_999)}`;
    // A GET's URL counts against Node's own 16 KiB header limit, so a name that fits in one is shorter.
    const longForGet = `N${'a'.repeat(999)}`;
    system.resetQueryLog();

    const posted = await system.query(`query ${long} { ${READ} }`, {}, caseworker);
    const sentWithGet = await get({ query: `query ${longForGet} { ${READ} }`, operationName: longForGet });

    const refused = (length: number) => ({
      status: 400,
      body: { errors: [{ message: `The operation name is ${length} characters long; at most ${MAX_OPERATION_NAME_LENGTH} are accepted`, extensions: { code: 'BAD_REQUEST' } }] },
    });
    expect({ posted, sentWithGet, registerSql: system.sql }).toEqual({
      posted: refused(20_000),
      sentWithGet: refused(1_000),
      registerSql: { dtks: [], regsosek: [], p3ke: [], kemendes: [], bpjs: [], changes: [] },
    });
  });
});
