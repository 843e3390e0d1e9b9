import { AYU, BUDI, DEWI, EVALUATION_DATE, SITI, SUTRISNO_KK } from '../federated/fixtures';
import { signedJsonHeaders, testPrincipal, testSigningKey } from '../support/principals';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import { contractCases, MINISTRY_ORIGIN } from '../partners/contracts';
import { RINA_KK, RINA_NIK, TWO_CITIES } from './fixtures';

const LOOKUP = `query Lookup($noKK: String!) {
  household(noKK: $noKK) {
    noKK
    dtks { noKK address members { nik noKK name } }
    members { nik name }
    eligibility { program eligible beneficiaries }
  }
}`;

const SENSITIVE = `query Sensitive($noKK: String!) {
  household(noKK: $noKK) {
    regsosek { members { relationship pregnant difficulty { walking } } }
    dtks { receipts { program pkhComponents } }
  }
}`;

const masked = (nik: string) => `${nik.slice(0, 4)}********${nik.slice(-4)}`;
const codes = (body: { errors?: Record<string, unknown>[] }) =>
  (body.errors ?? []).map((error) => [(error['extensions'] as { code: string }).code, (error['path'] as unknown[]).join('.')]);

describe('what each role sees', () => {
  let system: RunningSystem;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    // The partner contracts' cases share this system: they need a ministry's origin allowed, which
    // no role's case here reads.
    system = await startSystem({ store: 'sqlite', data: TWO_CITIES, evaluationDate: EVALUATION_DATE, resolve: true, corsOrigins: [MINISTRY_ORIGIN] });
    tokens['frontend'] = await testToken('frontend');
    tokens['analyst'] = await testToken('analyst');
    tokens['penjaringan'] = await testToken('caseworker', { regions: ['31.72.01'] });
    tokens['gambir'] = await testToken('caseworker', { regions: ['31.71'] });
    tokens['partner'] = await testToken('partner', { programmes: ['PBI_JK'] });
    tokens['auditor'] = await testToken('auditor');
  });
  afterAll(() => system.stop());

  describe('masking of personal data', () => {
    it('when a caseworker of the region looks a family up, then NIK, No. KK, names and addresses are shown in full', async () => {
      const response = await system.query(LOOKUP, { noKK: SUTRISNO_KK }, tokens['penjaringan']);

      const household = (response.body.data?.['household'] ?? {}) as Record<string, unknown>;
      expect([response.status, response.body.errors, household['noKK'], household['dtks'], household['members']]).toEqual([
        200,
        undefined,
        SUTRISNO_KK,
        {
          noKK: SUTRISNO_KK,
          address: 'Jl. Pluit Karang Utara No. 12',
          members: [BUDI, SITI, AYU, DEWI].map((person) => ({ nik: person.nik, noKK: SUTRISNO_KK, name: person.name })),
        },
        [BUDI, SITI, AYU, DEWI].map((person) => ({ nik: person.nik, name: person.name })),
      ]);
    });

    it.each(['frontend', 'analyst'])(
      'when a %s looks a family up, then NIK, No. KK, names and addresses are masked, also in computed fields, and who benefits for sensitive reasons is withheld',
      async (role) => {
        const full = await system.query(LOOKUP, { noKK: SUTRISNO_KK }, tokens['penjaringan']);
        const fullHousehold = full.body.data?.['household'] as { eligibility: { program: string; eligible: boolean; beneficiaries: string[] }[] };

        const response = await system.query(LOOKUP, { noKK: SUTRISNO_KK }, tokens[role]);

        expect(response).toEqual({
          status: 200,
          body: {
            data: {
              household: {
                noKK: masked(SUTRISNO_KK),
                dtks: {
                  noKK: masked(SUTRISNO_KK),
                  address: '***',
                  members: [
                    { nik: masked(BUDI.nik), noKK: masked(SUTRISNO_KK), name: 'B. S.' },
                    { nik: masked(SITI.nik), noKK: masked(SUTRISNO_KK), name: 'S. A.' },
                    { nik: masked(AYU.nik), noKK: masked(SUTRISNO_KK), name: 'A.' },
                    { nik: masked(DEWI.nik), noKK: masked(SUTRISNO_KK), name: 'D.' },
                  ],
                },
                members: [
                  { nik: masked(BUDI.nik), name: 'B. S.' },
                  { nik: masked(SITI.nik), name: 'S. A.' },
                  { nik: masked(AYU.nik), name: 'A.' },
                  { nik: masked(DEWI.nik), name: 'D.' },
                ],
                // The same outcomes as the caseworker's, NIKs masked. Whom PKH pays for a pregnancy (Siti)
                // and whom PBI-JK covers (no employer insurance) rest on sensitive data: withheld.
                eligibility: fullHousehold.eligibility.map((entry) => ({
                  ...entry,
                  beneficiaries: entry.beneficiaries
                    .filter((nik) => !(entry.program === 'PKH' && nik === SITI.nik) && entry.program !== 'PBI_JK')
                    .map(masked),
                })),
              },
            },
          },
        });
      },
    );

    it('when a frontend asks for disability, pregnancy or PKH components, then each is null with FORBIDDEN', async () => {
      const response = await system.query(SENSITIVE, { noKK: SUTRISNO_KK }, tokens['frontend']);

      expect([response.body.data, codes(response.body)]).toEqual([
        {
          household: {
            regsosek: { members: [1, 2, 3, 3].map((relationship) => ({ relationship, pregnant: null, difficulty: null })) },
            dtks: { receipts: [{ program: 'PKH', pkhComponents: null }, { program: 'BPNT', pkhComponents: null }] },
          },
        },
        expect.arrayContaining([
          ['FORBIDDEN', 'household.regsosek.members.0.pregnant'],
          ['FORBIDDEN', 'household.regsosek.members.3.difficulty'],
          ['FORBIDDEN', 'household.dtks.receipts.0.pkhComponents'],
          ['FORBIDDEN', 'household.dtks.receipts.1.pkhComponents'],
        ]),
      ]);
    });

    it('when a caseworker asks for the same sensitive fields, then they are answered', async () => {
      const response = await system.query(SENSITIVE, { noKK: SUTRISNO_KK }, tokens['penjaringan']);

      expect(response.body).toEqual({
        data: {
          household: {
            regsosek: {
              members: [
                { relationship: 1, pregnant: false, difficulty: { walking: 4 } },
                { relationship: 2, pregnant: true, difficulty: { walking: 4 } },
                { relationship: 3, pregnant: false, difficulty: { walking: 4 } },
                { relationship: 3, pregnant: false, difficulty: { walking: 4 } },
              ],
            },
            dtks: {
              receipts: [
                { program: 'PKH', pkhComponents: ['PREGNANT', 'EARLY_CHILDHOOD', 'PUPIL_SMP'] },
                { program: 'BPNT', pkhComponents: [] },
              ],
            },
          },
        },
      });
    });
  });

  describe('regions', () => {
    it('when a caseworker of Gambir looks up a Penjaringan family, then the answer is FORBIDDEN', async () => {
      const response = await system.query(LOOKUP, { noKK: SUTRISNO_KK }, tokens['gambir']);

      expect([response.body.data, codes(response.body)]).toEqual([{ household: null }, [['FORBIDDEN', 'household']]]);
    });

    it('when a caseworker of Gambir looks up a family of Gambir, then it is answered', async () => {
      const response = await system.query(`{ household(noKK: "${RINA_KK}") { noKK dtks { members { nik name } } } }`, {}, tokens['gambir']);

      expect(response.body).toEqual({
        data: { household: { noKK: RINA_KK, dtks: { members: [{ nik: RINA_NIK, name: 'Rina Marlina' }] } } },
      });
    });

    it('when a caseworker of Gambir searches households or asks for statistics, then only Gambir is counted', async () => {
      const response = await system.query(
        '{ households(first: 100) { totalCount nodes { noKK } } statistics(level: CITY) { total { families } regions { dottedCode families } } }',
        {},
        tokens['gambir'],
      );

      expect(response.body).toEqual({
        data: {
          households: { totalCount: 1, nodes: [{ noKK: RINA_KK }] },
          statistics: { total: { families: 1 }, regions: [{ dottedCode: '31.71', families: 1 }] },
        },
      });
    });

    it('when a Gambir caseworker\'s signed request asks a register for Penjaringan entities by NIK and No. KK, then the family is FORBIDDEN and the person has no records', async () => {
      const body = JSON.stringify({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { dtks { noKK } } ... on Person { dtksRecords { nik } } } }`,
        variables: { representations: [{ __typename: 'Household', noKK: SUTRISNO_KK }, { __typename: 'Person', nik: BUDI.nik }] },
      });
      const headers = signedJsonHeaders(testSigningKey('dtks'), body, testPrincipal('caseworker', { regions: ['3171'] }));

      const response = await fetch(system.subgraphUrls.dtks, { method: 'POST', headers, body });

      expect(await response.json()).toEqual({
        data: { _entities: [{ dtks: null }, { dtksRecords: [] }] },
        errors: [{ message: 'The family is outside your regions', locations: [{ line: 1, column: 104 }], path: ['_entities', 0, 'dtks'], extensions: { code: 'FORBIDDEN' } }],
      });
    });

    it('when a caseworker of Gambir looks up a person listed only in Penjaringan, then no record of them is shown', async () => {
      const response = await system.query(`{ person(nik: "${BUDI.nik}") { nik name } }`, {}, tokens['gambir']);

      expect(response.body.data).toEqual({ person: null });
    });
  });

  describe('scopes of the root fields', () => {
    it.each([
      ['frontend', '{ households { totalCount } }'],
      ['frontend', '{ statistics(level: CITY) { total { families } } }'],
      ['analyst', `{ auditTrail(nik: "${BUDI.nik}") { nik } }`],
    ])('when a %s asks for a root field outside its contract (%s), then it is refused before anything runs, naming nothing', async (role, query) => {
      const response = await system.query(query, {}, tokens[role]);

      expect(response).toEqual({
        status: 403,
        body: { errors: [{ message: 'The operation selects what the contract of this token does not hold (GET /schema returns the contract)', extensions: { code: 'FORBIDDEN' } }] },
      });
    });

    it.each([
      ['auditor', 'household', 'lookup', `{ household(noKK: "${SUTRISNO_KK}") { noKK } }`, { household: null }],
    ])('when a %s asks for %s, then the answer is FORBIDDEN naming the missing scope', async (role, field, scope, query, data) => {
      const response = await system.query(query, {}, tokens[role]);

      expect(response).toEqual({
        status: 200,
        body: {
          data,
          errors: [{ message: `${field} needs the ${scope} scope`, path: [field], extensions: { code: 'FORBIDDEN' } }],
        },
      });
    });
  });

  describe('a partner ministry', () => {
    it("when a partner for PBI-JK looks a family up, then eligibility and targeting list PBI-JK only", async () => {
      const response = await system.query(
        `{ household(noKK: "${SUTRISNO_KK}") { members { nik name } eligibility { program } targeting { program } } }`,
        {},
        tokens['partner'],
      );

      expect(response.body).toEqual({
        data: {
          household: {
            members: [BUDI, SITI, AYU, DEWI].map((person) => ({ nik: person.nik, name: person.name })),
            eligibility: [{ program: 'PBI_JK' }],
            targeting: [{ program: 'PBI_JK' }],
          },
        },
      });
    });

    it("when a partner asks for a register's own record, then the whole operation is refused with FORBIDDEN", async () => {
      const response = await system.query(`{ household(noKK: "${SUTRISNO_KK}") { eligibility { program } dtks { address } } }`, {}, tokens['partner']);

      expect(response).toEqual({
        status: 403,
        body: { errors: [{ message: 'The operation selects what the contract of this token does not hold (GET /schema returns the contract)', extensions: { code: 'FORBIDDEN' } }] },
      });
    });
  });

  describe('partner contracts at the gateway', () => contractCases(() => system));
});
