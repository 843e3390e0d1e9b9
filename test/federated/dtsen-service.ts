import { signedJsonHeaders, testPrincipal, testSigningKey } from '../support/principals';
import { startSystem, type RunningSystem } from '../support/system';
import { BUDI, EVALUATION_DATE, SUTRISNO_KK, UNKNOWN_KK, WATI_KK, WORLD } from './fixtures';

const HOUSEHOLD = `query ($noKK: String!) {
  household(noKK: $noKK) {
    noKK
    sources
    region { code city source }
    desil { value source conflict }
    members { nik name age alive }
    dtks { noKK }
    regsosek { noKK }
    p3ke { noKK }
    eligibility { program eligible estimatedAnnualBenefit beneficiaries ruleSet }
    targeting { program receiving eligible status }
    dataQuality { code sources nik detail }
  }
}`;

const PERSON = `query ($nik: String!) { person(nik: $nik) { nik name age alive sources } }`;

/**
 * The dtsen subgraph as its own HTTP service: a system over the fixture world with dtsen over HTTP,
 * started here, answers as `inProcess` (the same world, dtsen in the gateway's process) does. Which
 * store the registers use does not reach dtsen: SQLite only.
 */
export function dtsenServiceCases(inProcessSystem: () => RunningSystem): void {
  let inProcess: RunningSystem;
  let overHttp: RunningSystem;
  beforeAll(async () => {
    inProcess = inProcessSystem();
    overHttp = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, dtsen: 'http' });
  });
  afterAll(() => overHttp.stop());

  it.each([
    ['held by all three registers', SUTRISNO_KK],
    ['held by fewer registers', WATI_KK],
    ['held by none', UNKNOWN_KK],
  ])('when a household %s is asked through the gateway, then the answer is the one the in-process dtsen gives', async (_case, noKK) => {
    const expected = await inProcess.query(HOUSEHOLD, { noKK });

    const response = await overHttp.query(HOUSEHOLD, { noKK });

    expect(expected.status).toBe(200);
    expect(response).toEqual(expected);
  });

  it('when a household is asked over HTTP, then it carries eligibility and targeting without errors', async () => {
    const response = await overHttp.query(HOUSEHOLD, { noKK: SUTRISNO_KK });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['household']).toEqual(expect.objectContaining({ noKK: SUTRISNO_KK, eligibility: expect.any(Array), targeting: expect.any(Array) }));
  });

  it('when a person is asked by NIK, then the answer is the one the in-process dtsen gives', async () => {
    const expected = await inProcess.query(PERSON, { nik: BUDI.nik });

    const response = await overHttp.query(PERSON, { nik: BUDI.nik });

    expect(expected.body.errors).toBeUndefined();
    expect(response).toEqual(expected);
  });

  it('when households are listed before any resolution run, then the answer over HTTP carries the index warning the in-process dtsen gives', async () => {
    const listing = '{ households(first: 2) { nodes { noKK } } }';
    const expected = await inProcess.query(listing);

    const response = await overHttp.query(listing);

    expect(expected.body.extensions?.['indexWarning']).toEqual(expect.objectContaining({ code: 'INDEX_MISSING' }));
    expect(response).toEqual(expected);
  });

  it('when a request reaches the dtsen service unsigned, then it is refused with 401 UNAUTHENTICATED', async () => {
    const body = JSON.stringify({ query: HOUSEHOLD, variables: { noKK: SUTRISNO_KK } });

    const response = await fetch(overHttp.dtsenUrl ?? '', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 401,
      body: { errors: [{ message: expect.stringMatching(/^Request refused: /), extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('when a request reaches the dtsen service signed by the gateway, then it is answered', async () => {
    const body = JSON.stringify({ query: `query ($noKK: String!) { household(noKK: $noKK) { noKK } }`, variables: { noKK: SUTRISNO_KK } });

    const response = await fetch(overHttp.dtsenUrl ?? '', { method: 'POST', headers: signedJsonHeaders(testSigningKey('dtsen'), body, testPrincipal('analyst')), body });

    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { data: { household: { noKK: SUTRISNO_KK } } } });
  });

  it('when the dtsen service is down (this test runs last), then a household, a dtsen root field, fails as SOURCE_UNAVAILABLE naming DTSEN, not with its URL', async () => {
    await overHttp.stopDtsen();

    const response = await overHttp.query(`query ($noKK: String!) { household(noKK: $noKK) { dtks { noKK } eligibility { program } } }`, { noKK: SUTRISNO_KK });

    expect(response).toEqual({
      status: 200,
      body: {
        data: { household: null },
        errors: [{ message: 'The DTSEN service is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'DTSEN' } }],
      },
    });
  });
}
