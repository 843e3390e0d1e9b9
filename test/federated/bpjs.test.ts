// BPJS Kesehatan as a register dtsen reads: PBI-JK receipt per person, and what happens when it is down.
// PBI-JK targeting over generated families is read from the resolved index of test/analytics
// (pbi-jk-targeting.ts).
import { startSystem, type RunningSystem } from '../support/system';
import { maskBirthDate, maskIdentifier, maskName } from '../../common/auth/masking';
import { testToken } from '../support/tokens';
import { BUDI, EVALUATION_DATE, SUTRISNO_KK, WORLD, WORLD_WITH_BPJS } from './fixtures';

describe('when the BPJS subgraph is down', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, subgraphTimeoutMs: 1000 });
    await system.stopSubgraph('bpjs');
  });
  afterAll(() => system.stop());

  it('then the household resolves from the other registers, BPJS is unavailable, and only PBI-JK targeting is incomplete, read from DTKS', async () => {
    const response = await system.query(
      `query ($noKK: String!) { household(noKK: $noKK) {
        noKK sources unavailableSources dtks { dtksId } regsosek { ranking { desil } } p3ke { desil } bpjs { noKK }
        desil { value complete }
        targeting { program receiving receiptSource status complete } } }`,
      { noKK: SUTRISNO_KK },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          household: {
            noKK: SUTRISNO_KK,
            sources: ['DTKS', 'REGSOSEK', 'P3KE'],
            unavailableSources: ['BPJS'],
            dtks: { dtksId: 'DTKS-0000001' },
            regsosek: { ranking: { desil: 2 } },
            p3ke: { desil: 2 },
            bpjs: null,
            desil: { value: 2, complete: true },
            targeting: expect.any(Array),
          },
        },
        errors: [{ message: 'The BPJS register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'BPJS' } }],
      },
    });
    const targeting = (response.body.data?.['household'] as { targeting: { program: string; receiptSource: string; complete: boolean }[] }).targeting;
    expect(targeting.map((entry) => [entry.program, entry.receiptSource, entry.complete])).toEqual([
      ['PKH', 'DTKS', true],
      ['BPNT', 'DTKS', true],
      ['PBI_JK', 'DTKS', false],
      ['PIP', 'DTKS', true],
      ['BLT_DD', 'KEMENDES', true],
    ]);
  });
});

describe("a person's BPJS enrolment through the gateway", () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD_WITH_BPJS, evaluationDate: EVALUATION_DATE });
  });
  afterAll(() => system.stop());

  const ENROLMENT = 'query ($nik: String!) { person(nik: $nik) { bpjs { nik noKK name birthDate enrolled class since status segment person { nik } } } }';

  it('when a frontend asks for a person, then Person.bpjs is the enrolment BPJS records, its identities masked and who pays its insurance (class, segment) refused as sensitive', async () => {
    const response = await system.query(ENROLMENT, { nik: BUDI.nik }, await testToken('frontend'));

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          person: {
            bpjs: {
              nik: maskIdentifier(BUDI.nik),
              noKK: maskIdentifier(SUTRISNO_KK),
              name: maskName(BUDI.name),
              birthDate: maskBirthDate(BUDI.birthDate),
              enrolled: true,
              class: null,
              since: '2019-01',
              status: 'ACTIVE',
              segment: null,
              person: { nik: maskIdentifier(BUDI.nik) },
            },
          },
        },
        errors: [
          { message: 'class is sensitive data and needs the sensitive scope', path: ['person', 'bpjs', 'class'], extensions: { code: 'FORBIDDEN' } },
          { message: 'segment is sensitive data and needs the sensitive scope', path: ['person', 'bpjs', 'segment'], extensions: { code: 'FORBIDDEN' } },
        ],
      },
    });
  });

  it('when a caseworker with the sensitive scope asks for a person, then Person.bpjs holds its class and segment', async () => {
    const response = await system.query(ENROLMENT, { nik: BUDI.nik }, await testToken('caseworker', { regions: ['31.72'] }));

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          person: {
            bpjs: {
              nik: BUDI.nik,
              noKK: SUTRISNO_KK,
              name: BUDI.name,
              birthDate: BUDI.birthDate,
              enrolled: true,
              class: 3,
              since: '2019-01',
              status: 'ACTIVE',
              segment: 'PBPU',
              person: { nik: BUDI.nik },
            },
          },
        },
      },
    });
  });

  it('when a person is enrolled by BPJS Kesehatan, then Person.sources names BPJS beside the family registers, and a family BPJS files the same has no new issue', async () => {
    const response = await system.query(
      'query ($nik: String!, $noKK: String!) { person(nik: $nik) { sources households { noKK } } household(noKK: $noKK) { dataQuality { code sources } } }',
      { nik: BUDI.nik, noKK: SUTRISNO_KK },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          person: { sources: ['DTKS', 'REGSOSEK', 'P3KE', 'BPJS'], households: [{ noKK: SUTRISNO_KK }] },
          household: { dataQuality: [] },
        },
      },
    });
  });

  it('when a partner of another programme asks for Person.bpjs, then the field is outside its contract', async () => {
    const response = await system.query('query ($nik: String!) { person(nik: $nik) { bpjs { status } } }', { nik: BUDI.nik }, await testToken('partner', { programmes: ['PKH'] }));

    expect(response).toEqual({
      status: 403,
      body: { errors: [{ message: 'The operation selects what the contract of this token does not hold (GET /schema returns the contract)', extensions: { code: 'FORBIDDEN' } }] },
    });
  });
});
