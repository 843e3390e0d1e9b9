import { createCursorCodec } from '../../../common/cursor';
import { TEST_SIGNING_SECRET } from '../../support/principals';
import { execute, parse, type ExecutionResult } from 'graphql';
import type { Principal } from '../../../common/auth/principal';
import type { RegisterDirectory } from '../../../subgraph-calls/register-directory';
import type { HouseholdQualityRepresentation } from '../../../subgraphs/dtsen/representation';
import { buildDtsenSchema, createDtsenContext } from '../../../subgraphs/dtsen/schema';
import {
  EVALUATION_DATE,
  FATHER,
  KK,
  RULES,
  TODDLER,
  dtksFamily,
  dtksMember,
  household,
  householdInput,
  qualityView,
  regsosekFamily,
  regsosekMember,
} from './fixtures';
import { testPrincipal } from '../../support/principals';

/** A directory that holds the given keys and records each batch it is asked. */
function fakeDirectory(households: readonly string[], persons: readonly string[] = []) {
  const calls: string[][] = [];
  const directory: RegisterDirectory = {
    householdsHeld: async (noKKs) => {
      calls.push([...noKKs]);
      return noKKs.map((noKK) => households.includes(noKK));
    },
    personsHeld: async (niks) => {
      calls.push([...niks]);
      return niks.map((nik) => persons.includes(nik));
    },
    memberRecords: async (_register, niks) => niks.map(() => []),
  };
  return { directory, calls };
}

/** A caseworker sees everything the dtsen subgraph computes unmasked; disclosure.test.ts covers the other roles. */
function setUp(directory: RegisterDirectory = fakeDirectory([]).directory, principal: Principal = testPrincipal('caseworker')) {
  const deps = { ruleSet: RULES, evaluationDate: EVALUATION_DATE, directory, cursors: createCursorCodec(TEST_SIGNING_SECRET) };
  const schema = buildDtsenSchema(deps);
  return {
    run: (query: string, variableValues?: Record<string, unknown>, contextValue: unknown = createDtsenContext(deps, principal)) =>
      Promise.resolve(execute({ schema, document: parse(query), variableValues, contextValue })) as Promise<ExecutionResult>,
  };
}

const HOUSEHOLD_ENTITY = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Household {
        noKK
        sources
        members { nik }
        region { code dottedCode village district city province villageKind source }
        desil { value source rankingVersion conflict candidates { source value } }
        eligibility { program eligible estimatedAnnualBenefit beneficiaries ruleSet }
        targeting { program receiving eligible status }
        dataQuality { code sources nik detail }
      }
    }
  }`;

function smallFamily(): HouseholdQualityRepresentation {
  const [view] = qualityView([
    household({
      regsosek: regsosekFamily({
        members: [regsosekMember(FATHER), regsosekMember(TODDLER, { schoolParticipation: 1, schoolLevel: null })],
      }),
      dtks: dtksFamily({
        welfarePercentile: 35,
        members: [dtksMember(FATHER), dtksMember(TODDLER)],
        receipts: [{ program: 'PKH', status: 'ACTIVE', pkhComponents: ['EARLY_CHILDHOOD'] }],
      }),
      p3ke: null,
    }),
  ]) as [HouseholdQualityRepresentation];
  return view;
}

describe('dtsen schema', () => {
  it('when the gateway sends a full Household representation of the Input fields, then every resolved field answers from it', async () => {
    const { run } = setUp();

    const result = await run(HOUSEHOLD_ENTITY, { representations: [{ __typename: 'Household', ...householdInput(smallFamily()) }] });

    expect(result).toEqual({
      data: {
        _entities: [
          {
            noKK: KK,
            sources: ['DTKS', 'REGSOSEK'],
            members: [{ nik: FATHER.nik }, { nik: TODDLER.nik }],
            region: {
              code: '3171011001',
              dottedCode: '31.71.01.1001',
              village: 'Gambir',
              district: 'Gambir',
              city: 'Kota Administrasi Jakarta Pusat',
              province: 'DKI Jakarta',
              villageKind: 'KELURAHAN',
              source: 'REGSOSEK',
            },
            desil: {
              value: 2,
              source: 'REGSOSEK',
              rankingVersion: '2025Q4',
              conflict: true,
              candidates: [
                { source: 'REGSOSEK', value: 2 },
                { source: 'DTKS', value: 4 },
              ],
            },
            eligibility: [
              { program: 'PKH', eligible: true, estimatedAnnualBenefit: 3_000_000, beneficiaries: [TODDLER.nik], ruleSet: '2025' },
              { program: 'BPNT', eligible: true, estimatedAnnualBenefit: 2_400_000, beneficiaries: [], ruleSet: '2025' },
              {
                program: 'PBI_JK',
                eligible: true,
                estimatedAnnualBenefit: 1_008_000,
                beneficiaries: [FATHER.nik, TODDLER.nik],
                ruleSet: '2025',
              },
              { program: 'PIP', eligible: false, estimatedAnnualBenefit: 0, beneficiaries: [], ruleSet: '2025' },
              { program: 'BLT_DD', eligible: false, estimatedAnnualBenefit: 0, beneficiaries: [], ruleSet: '2025' },
            ],
            targeting: [
              { program: 'PKH', receiving: true, eligible: true, status: 'ON_TARGET' },
              { program: 'BPNT', receiving: false, eligible: true, status: 'EXCLUSION_ERROR' },
              { program: 'PBI_JK', receiving: false, eligible: true, status: 'EXCLUSION_ERROR' },
              { program: 'PIP', receiving: false, eligible: false, status: 'NOT_TARGETED' },
              { program: 'BLT_DD', receiving: false, eligible: false, status: 'NOT_TARGETED' },
            ],
            dataQuality: [
              {
                code: 'DESIL_CONFLICT',
                sources: ['DTKS', 'REGSOSEK'],
                nik: null,
                detail: 'Desil differs by 2 or more between sources: Regsosek 2 (DTSEN ranking 2025Q4), DTKS 4 (DTKS legacy percentile 35)',
              },
            ],
          },
        ],
      },
    });
  });

  it('when several resolved fields of one household are selected, then the household is resolved once', async () => {
    const { run } = setUp();
    let reads = 0;
    // The resolution reads each member's birth date; the translation of a member without `person` does not.
    const counted = (): Record<string, unknown> => {
      const input = householdInput(smallFamily());
      const members = (input.regsosekInput?.members ?? []).map(({ person: _person, ...member }, index) =>
        index > 0
          ? member
          : Object.defineProperty({ ...member }, 'birthDate', {
              enumerable: true,
              get: () => {
                reads += 1;
                return member.birthDate;
              },
            }),
      );
      return { __typename: 'Household', ...input, regsosekInput: { ...input.regsosekInput, members } };
    };
    const only = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { eligibility { eligible } } } }`;
    const many = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { members { nik } region { code } desil { value } eligibility { eligible } targeting { status } } } }`;

    await run(only, { representations: [counted()] });
    const readsForOneField = reads;
    reads = 0;
    await run(many, { representations: [counted()] });

    expect([readsForOneField > 0, reads]).toEqual([true, readsForOneField]);
  });

  it('when the gateway sends a Person representation, then the person fields answer from its records', async () => {
    const { run } = setUp();
    const representation = {
      __typename: 'Person',
      nik: TODDLER.nik,
      dtksInputRecords: [{ noKK: KK, name: 'AYU', sex: 'FEMALE', birthDate: TODDLER.birthDate }],
      regsosekInputRecords: [{ noKK: KK, name: TODDLER.name, sex: 'FEMALE', birthDate: TODDLER.birthDate, presence: 1 }],
      p3keInputRecords: [],
    };

    const result = await run(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Person { nik sources name sex birthDate age alive households { noKK } nikCheck { valid problem birthDate sex districtCode } }
        }
      }`,
      { representations: [representation] },
    );

    expect(result).toEqual({
      data: {
        _entities: [
          {
            nik: TODDLER.nik,
            sources: ['DTKS', 'REGSOSEK'],
            name: 'Ayu',
            sex: 'FEMALE',
            birthDate: '2021-02-05',
            age: 4,
            alive: true,
            households: [{ noKK: KK }],
            nikCheck: { valid: true, problem: null, birthDate: '2021-02-05', sex: 'FEMALE', districtCode: '31.71.01' },
          },
        ],
      },
    });
  });

  it('when a household and a person are looked up, then held keys return references and unheld ones null, one directory call per kind', async () => {
    const { directory, calls } = fakeDirectory([KK], [FATHER.nik]);
    const { run } = setUp(directory);

    const result = await run(`{
      held: household(noKK: "${KK}") { noKK }
      unheld: household(noKK: "3171010101259999") { noKK }
      person(nik: "${FATHER.nik}") { nik }
    }`);

    expect({ result, calls }).toEqual({
      result: { data: { held: { noKK: KK }, unheld: null, person: { nik: FATHER.nik } } },
      calls: [[KK, '3171010101259999'], [FATHER.nik]],
    });
  });

  it('when the No. KK is not 16 digits, then the error is BAD_USER_INPUT naming the argument and the directory is not asked', async () => {
    const { directory, calls } = fakeDirectory([KK]);
    const { run } = setUp(directory);

    const result = await run('{ household(noKK: "31710101") { noKK } }');

    expect({ errors: result.errors?.map((error) => error.toJSON()), data: result.data, calls }).toEqual({
      errors: [
        {
          message: 'noKK must be 16 digits',
          locations: [{ line: 1, column: 3 }],
          path: ['household'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'noKK' },
        },
      ],
      data: { household: null },
      calls: [],
    });
  });

  it('when the NIK is not 16 digits, then the error is BAD_USER_INPUT naming the argument', async () => {
    const { run } = setUp();

    const result = await run('{ person(nik: "abc") { nik } }');

    expect(result.errors?.map((error) => error.toJSON())).toEqual([
      {
        message: 'nik must be 16 digits',
        locations: [{ line: 1, column: 3 }],
        path: ['person'],
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'nik' },
      },
    ]);
  });

  it('when asked for the rule set, then it answers the version and evaluation date', async () => {
    const { run } = setUp();

    expect(await run('{ ruleSet { version evaluationDate } }')).toEqual({
      data: { ruleSet: { version: '2025', evaluationDate: '2025-07-01' } },
    });
  });

  it('when the context lacks the dtsen state, then the look-up fails with an internal error naming the fix', async () => {
    const { run } = setUp();

    const result = await run(`{ household(noKK: "${KK}") { noKK } }`, undefined, {});

    expect(result.errors?.map((error) => error.message)).toEqual([
      'The dtsen subgraph needs context.dtsen: build the context with createDtsenContext(deps, principal)',
    ]);
  });
});
