import type { Role } from '../../common/auth/principal';
import { locationOf } from '../common/http-client';
import { testPrincipal } from '../support/principals';
import { storeKinds } from '../support/stores';
import { GAMBIR, PENJARINGAN } from './fixtures';
import { REGISTER_CASES, type FamilyLike, type RegisterCase } from './registers';
import { entitiesQuery, household, person, serveRegister } from './served-register';
import { kk, nik } from './store-harness';

const cases = REGISTER_CASES.flatMap((registerCase) =>
  storeKinds().map((kind) => [registerCase.register, kind, registerCase] as [string, typeof kind, RegisterCase]),
);

const forbidden = (message: string, query: string, field: string, path: (string | number)[]) => ({
  message,
  locations: [locationOf(query, field)],
  path,
  extensions: { code: 'FORBIDDEN' },
});

describe.each(cases)('%s subgraph access (%s store)', (register, kind, registerCase) => {
  // Penjaringan (3172) holds kk(1); Gambir (3171), the test caseworker's region, holds kk(2) and
  // kk(3). nik(2) is listed in kk(1) and, later, in kk(3).
  const north = registerCase.family(kk(1), PENJARINGAN, [nik(1), nik(2)]);
  const central = registerCase.family(kk(2), GAMBIR, [nik(3), nik(4)]);
  const laterCentral = registerCase.family(kk(3), GAMBIR, [nik(5), nik(2)]);
  const served = serveRegister(kind, registerCase, { batches: [[north, central], [laterCentral]], per: 'all' });

  const input = `${register}Input`;
  const records = `${register}Records`;
  const inputRecords = `${register}InputRecords`;
  const familyFields = 'noKK regionCode address members { nik noKK name person { nik } }';
  const memberFields = 'nik noKK name person { nik }';
  const addressOf = (family: FamilyLike) => (family as unknown as { address: string }).address;

  const asStored = (family: FamilyLike) => ({
    noKK: family.noKK,
    regionCode: family.regionCode,
    address: addressOf(family),
    members: family.members.map((member) => ({
      nik: member.nik,
      noKK: member.noKK,
      name: `Warga ${member.nik.slice(-4)}`,
      person: { nik: member.nik },
    })),
  });
  const centralMasked = {
    noKK: '3172********0002',
    regionCode: GAMBIR,
    address: '***',
    members: [
      { nik: '3172********0003', noKK: '3172********0002', name: 'W. 0.', person: { nik: nik(3) } },
      { nik: '3172********0004', noKK: '3172********0002', name: 'W. 0.', person: { nik: nik(4) } },
    ],
  };

  it.each<[Role, string, object]>([
    ['frontend', 'masked', centralMasked],
    ['analyst', 'masked', centralMasked],
    ['caseworker', 'as stored', asStored(central)],
    ['partner', 'as stored', asStored(central)],
  ])('when the %s role reads a family and a person, then NIK, No. KK, name and address are %s, and the entity keys are as stored', async (role, _how, family) => {
    const query = entitiesQuery(`... on Household { noKK ${register} { ${familyFields} } } ... on Person { nik ${records} { ${memberFields} } }`);

    const answer = await served().post(testPrincipal(role), query, { representations: [household(kk(2)), person(nik(3))] });

    const member = (family as { members: object[] }).members[0];
    expect(answer).toEqual({
      status: 200,
      body: { data: { _entities: [{ noKK: kk(2), [register]: family }, { nik: nik(3), [records]: [member] }] } },
    });
  });

  it('when a frontend reads the input fields of the @requires, then the records are as stored', async () => {
    const query = entitiesQuery(`... on Household { ${input} { ${familyFields} } } ... on Person { ${inputRecords} { ${memberFields} } }`);

    const answer = await served().post(testPrincipal('frontend'), query, { representations: [household(kk(2)), person(nik(3))] });

    expect(answer).toEqual({
      status: 200,
      body: { data: { _entities: [{ [input]: asStored(central) }, { [inputRecords]: [asStored(central).members[0]] }] } },
    });
  });

  it('when a caseworker reads a household outside its regions, then the record and its input are null with FORBIDDEN, and one inside is served', async () => {
    const query = entitiesQuery(`... on Household { noKK ${register} { noKK } ${input} { noKK } }`);

    const answer = await served().post(testPrincipal('caseworker'), query, { representations: [household(kk(1)), household(kk(2))] });

    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            { noKK: kk(1), [register]: null, [input]: null },
            { noKK: kk(2), [register]: { noKK: kk(2) }, [input]: { noKK: kk(2) } },
          ],
        },
        errors: [
          forbidden('The family is outside your regions', query, `${register} {`, ['_entities', 0, register]),
          forbidden('The family is outside your regions', query, `${input} {`, ['_entities', 0, input]),
        ],
      },
    });
  });

  it('when a caseworker reads a person listed inside and outside its regions, then only the records of families inside are served', async () => {
    const query = entitiesQuery(`... on Person { nik ${register} { noKK } ${records} { noKK } ${inputRecords} { noKK } }`);

    const answer = await served().post(testPrincipal('caseworker'), query, { representations: [person(nik(2)), person(nik(1))] });

    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            { nik: nik(2), [register]: { noKK: kk(3) }, [records]: [{ noKK: kk(3) }], [inputRecords]: [{ noKK: kk(3) }] },
            { nik: nik(1), [register]: null, [records]: [], [inputRecords]: [] },
          ],
        },
      },
    });
  });

  it('when a caseworker lists families, then only families inside its regions are listed and counted, also under a region filter', async () => {
    const listing = `${register}Families`;
    const query = `query ($filter: ${registerCase.typePrefix}FamilyFilter) { ${listing}(filter: $filter) { nodes { noKK } totalCount } }`;
    const caseworker = testPrincipal('caseworker');

    // Listings come in listing order, which is random: nodes sorted here.
    const sortedNodes = <Answer extends { body: unknown }>(answer: Answer) => {
      const connection = (answer.body as { data?: Record<string, { nodes: { noKK: string }[] }> | null }).data?.[listing];
      if (connection) connection.nodes.sort((a, b) => a.noKK.localeCompare(b.noKK));
      return answer;
    };
    const answers = [sortedNodes(await served().post(caseworker, query)), sortedNodes(await served().post(caseworker, query, { filter: { regionPrefix: '31.72' } }))];

    expect(answers).toEqual([
      { status: 200, body: { data: { [listing]: { nodes: [{ noKK: kk(2) }, { noKK: kk(3) }], totalCount: 2 } } } },
      { status: 200, body: { data: { [listing]: { nodes: [], totalCount: 0 } } } },
    ]);
  });

  it.each<Role>(['frontend', 'partner', 'auditor'])('when the %s role, without the search scope, lists families, then the answer is FORBIDDEN', async (role) => {
    const listing = `${register}Families`;
    const query = `{ ${listing} { totalCount } }`;

    const answer = await served().post(testPrincipal(role), query);

    expect(answer).toEqual({
      status: 200,
      body: { data: null, errors: [forbidden('Listing families needs the search scope', query, listing, [listing])] },
    });
  });

  it('when an auditor reads register records, then they are FORBIDDEN: auditing needs no lookup', async () => {
    const query = entitiesQuery(`... on Household { ${register} { noKK } } ... on Person { ${register} { noKK } }`);

    const answer = await served().post(testPrincipal('auditor'), query, { representations: [household(kk(2)), person(nik(3))] });

    const message = 'Reading register records needs the lookup or search scope';
    const personField = query.indexOf(`Person { ${register}`) + 'Person { '.length + 1;
    expect(answer).toEqual({
      status: 200,
      body: {
        data: { _entities: [{ [register]: null }, { [register]: null }] },
        errors: [
          forbidden(message, query, `${register} {`, ['_entities', 0, register]),
          { ...forbidden(message, query, `${register} {`, ['_entities', 1, register]), locations: [{ line: 1, column: personField }] },
        ],
      },
    });
  });
});

describe.each(storeKinds())('sensitive register fields (%s store)', (kind) => {
  const [dtks, regsosek] = REGISTER_CASES as [RegisterCase, RegisterCase, RegisterCase];
  const family = (registerCase: RegisterCase) => registerCase.family(kk(2), GAMBIR, [nik(3)]);
  const servedDtks = serveRegister(kind, dtks, { batches: [[family(dtks)]], per: 'all' });
  const servedRegsosek = serveRegister(kind, regsosek, { batches: [[family(regsosek)]], per: 'all' });

  const receipts = 'receipts { program pkhComponents }';
  const dtksQuery = entitiesQuery(`... on Household { dtks { ${receipts} } dtksInput { ${receipts} } }`);
  const health = 'chronicDisease healthInsurance pregnant difficulty { walking selfCare }';
  const regsosekQuery = entitiesQuery(`... on Household { regsosek { members { ${health} } } regsosekInput { members { ${health} } } }`);
  const representations = { representations: [household(kk(2))] };

  const storedReceipts = [
    { program: 'PKH', pkhComponents: ['EARLY_CHILDHOOD', 'PUPIL_SD'] },
    { program: 'BPNT', pkhComponents: [] },
  ];
  const storedHealth = { chronicDisease: true, healthInsurance: 1, pregnant: false, difficulty: { walking: 2, selfCare: 3 } };

  it('when a partner (pii without sensitive) reads DTKS receipts, then PKH components are null with FORBIDDEN, and as stored in the input', async () => {
    const answer = await servedDtks().post(testPrincipal('partner'), dtksQuery, representations);

    const withheld = (index: number) =>
      forbidden('pkhComponents is sensitive data and needs the sensitive scope', dtksQuery, 'pkhComponents', ['_entities', 0, 'dtks', 'receipts', index, 'pkhComponents']);
    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            {
              dtks: { receipts: [{ program: 'PKH', pkhComponents: null }, { program: 'BPNT', pkhComponents: null }] },
              dtksInput: { receipts: storedReceipts },
            },
          ],
        },
        errors: [withheld(0), withheld(1)],
      },
    });
  });

  it('when a partner reads Regsosek members, then disability, illness, insurance and pregnancy are null with FORBIDDEN, and as stored in the input', async () => {
    const answer = await servedRegsosek().post(testPrincipal('partner'), regsosekQuery, representations);

    const withheld = (field: string) =>
      forbidden(`${field} is sensitive data and needs the sensitive scope`, regsosekQuery, field, ['_entities', 0, 'regsosek', 'members', 0, field]);
    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            {
              regsosek: { members: [{ chronicDisease: null, healthInsurance: null, pregnant: null, difficulty: null }] },
              regsosekInput: { members: [storedHealth] },
            },
          ],
        },
        errors: ['chronicDisease', 'healthInsurance', 'pregnant', 'difficulty'].map(withheld),
      },
    });
  });

  it('when a caseworker with the sensitive scope reads them in its region, then they are as stored', async () => {
    const caseworker = testPrincipal('caseworker');

    const answers = [await servedDtks().post(caseworker, dtksQuery, representations), await servedRegsosek().post(caseworker, regsosekQuery, representations)];

    expect(answers).toEqual([
      { status: 200, body: { data: { _entities: [{ dtks: { receipts: storedReceipts }, dtksInput: { receipts: storedReceipts } }] } } },
      {
        status: 200,
        body: { data: { _entities: [{ regsosek: { members: [storedHealth] }, regsosekInput: { members: [storedHealth] } }] } },
      },
    ]);
  });
});
