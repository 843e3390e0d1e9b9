import { createCursorCodec } from '../../../common/cursor';
import { TEST_SIGNING_SECRET } from '../../support/principals';
import { execute, parse, type ExecutionResult } from 'graphql';
import { ROLES, type Principal, type Role } from '../../../common/auth/principal';
import { forbidden } from '../../../common/errors';
import type { RegisterDirectory } from '../../../subgraph-calls/register-directory';
import { buildDtsenSchema, createDtsenContext } from '../../../subgraphs/dtsen/schema';
import { testPrincipal } from '../../support/principals';
import {
  EVALUATION_DATE,
  FATHER,
  KK,
  OTHER_KK,
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

// What each role sees of the dtsen subgraph's own outputs, and which root fields it may ask.

const NOTHING_HELD: RegisterDirectory = { householdsHeld: async (keys) => keys.map(() => false), personsHeld: async (keys) => keys.map(() => false), memberRecords: async (_register, keys) => keys.map(() => []) };

function setUp(principal: Principal, directory: RegisterDirectory = NOTHING_HELD) {
  const deps = { ruleSet: RULES, evaluationDate: EVALUATION_DATE, directory, cursors: createCursorCodec(TEST_SIGNING_SECRET) };
  const schema = buildDtsenSchema(deps);
  return async (query: string, variableValues?: Record<string, unknown>) => {
    const result = (await execute({ schema, document: parse(query), variableValues, contextValue: createDtsenContext(deps, principal) })) as ExecutionResult;
    return { data: result.data, errors: result.errors?.map((error) => error.toJSON()) };
  };
}

/** Father and toddler; DTKS also lists the father under OTHER_KK (a DUPLICATE_NIK naming both KKs). */
function familyRepresentation() {
  const family = household({
    regsosek: regsosekFamily({ members: [regsosekMember(FATHER), regsosekMember(TODDLER, { schoolParticipation: 1, schoolLevel: null })] }),
    dtks: dtksFamily({ members: [dtksMember(FATHER), dtksMember(TODDLER)] }),
    p3ke: null,
  });
  const elsewhere = household({ noKK: OTHER_KK, regsosek: null, p3ke: null, dtks: dtksFamily({ noKK: OTHER_KK, members: [dtksMember(FATHER, OTHER_KK)] }) });
  const [view] = qualityView([family, elsewhere]);
  if (!view) throw new Error('no view');
  return { __typename: 'Household', ...householdInput(view) };
}

const HOUSEHOLD = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Household {
      noKK
      members { nik }
      eligibility { program beneficiaries reasons }
      targeting { program status }
      dataQuality { code nik detail }
    }
  }
}`;

const PERSON = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Person { nik name households { noKK } } }
}`;

const TODDLER_REPRESENTATION = {
  __typename: 'Person',
  nik: TODDLER.nik,
  dtksInputRecords: [],
  regsosekInputRecords: [{ noKK: KK, name: 'Ayu Lestari', sex: 'FEMALE', birthDate: TODDLER.birthDate, presence: 1 }],
  p3keInputRecords: [],
};

const EXCLUSIONS = 'No exclusion applies: no member works as civil servant/army/police/state-enterprise employee or official, no car and installed electricity not above 1,300 VA';
const BLT_DD_REASONS = [
  'Lives in a kelurahan, Gambir (31.71.01.1001), which has no Dana Desa',
  'Not extremely poor: Desil 2 (DTSEN ranking 2025Q4) is above desil 1 and P3KE does not flag it as extremely poor',
  'Receives neither PKH nor BPNT (DTKS)',
  'Kemendes (desa records) lists no BLT Dana Desa receipt for the family',
];

const PKH_WITHHELD =
  "Whether a member counts as pregnant woman or severe disability is sensitive data and is not shown here; an eligible family's benefit counts such components too";
const PBI_JK_WITHHELD =
  'Whether 2 members recorded by Regsosek are insured through an employer is sensitive data and is not shown here; the benefit counts every member who is not, Rp 42,000 a month each';

/**
 * The household's outputs with `nik` standing for how identifiers are shown, and the explanations
 * for a reader with the sensitive scope or without it.
 */
function householdAnswer(nik: (value: string) => string, sensitive: boolean) {
  return {
    data: {
      _entities: [
        {
          noKK: KK,
          members: [{ nik: FATHER.nik }, { nik: TODDLER.nik }],
          eligibility: [
            {
              program: 'PKH',
              beneficiaries: [nik(TODDLER.nik)],
              reasons: [
                'Desil 2 (DTSEN ranking 2025Q4) is within the PKH cut-off of 4',
                EXCLUSIONS,
                `1 component (Rp 3,000,000 a year): child aged 0-6 (${nik(TODDLER.nik)})`,
                ...(sensitive ? [] : [PKH_WITHHELD]),
              ],
            },
            {
              program: 'BPNT',
              beneficiaries: [],
              reasons: ['Desil 2 (DTSEN ranking 2025Q4) is within the BPNT cut-off of 4', EXCLUSIONS, 'Rp 200,000 a month for the family'],
            },
            {
              program: 'PBI_JK',
              beneficiaries: sensitive ? [nik(FATHER.nik), nik(TODDLER.nik)] : [],
              reasons: [
                'Desil 2 (DTSEN ranking 2025Q4) is within the PBI-JK cut-off of 5',
                EXCLUSIONS,
                sensitive ? `2 members not insured through an employer, Rp 42,000 a month each: ${nik(FATHER.nik)} and ${nik(TODDLER.nik)}` : PBI_JK_WITHHELD,
                'BPJS Kesehatan lists no living member enrolled as PBI',
              ],
            },
            {
              program: 'PIP',
              beneficiaries: [],
              reasons: [
                'Desil 2 (DTSEN ranking 2025Q4) is within the PIP cut-off of 4',
                'The family is eligible for PKH',
                'No living member aged 6-21 is in school at SD, SMP or SMA',
              ],
            },
            { program: 'BLT_DD', beneficiaries: [], reasons: BLT_DD_REASONS },
          ],
          targeting: [
            { program: 'PKH', status: 'EXCLUSION_ERROR' },
            { program: 'BPNT', status: 'EXCLUSION_ERROR' },
            { program: 'PBI_JK', status: 'EXCLUSION_ERROR' },
            { program: 'PIP', status: 'NOT_TARGETED' },
            { program: 'BLT_DD', status: 'NOT_TARGETED' },
          ],
          dataQuality: [
            {
              code: 'DUPLICATE_NIK',
              nik: nik(FATHER.nik),
              detail: `DTKS lists this NIK under 2 KKs: ${nik(KK)} and ${nik(OTHER_KK)}`,
            },
          ],
        },
      ],
    },
    errors: undefined,
  };
}

describe('what the dtsen subgraph discloses', () => {
  it.each(['frontend', 'analyst'] as const)(
    'when the %s (no pii or sensitive scope) reads a household, then NIKs are masked, what rests on sensitive data is withheld, and keys stay raw',
    async (role) => {
      const run = setUp(testPrincipal(role));

      const result = await run(HOUSEHOLD, { representations: [familyRepresentation()] });

      // FATHER, TODDLER, KK and OTHER_KK all end in 0001 or 0002; the masks keep four digits each side.
      const masks: Record<string, string> = {
        [FATHER.nik]: '3171********0001',
        [TODDLER.nik]: '3171********0001',
        [KK]: '3171********0001',
        [OTHER_KK]: '3171********0002',
      };
      expect(result).toEqual(householdAnswer((value) => masks[value] ?? `unexpected ${value}`, false));
    },
  );

  it('when a caseworker (pii scope) reads a household, then every output is unmasked', async () => {
    const run = setUp(testPrincipal('caseworker'));

    const result = await run(HOUSEHOLD, { representations: [familyRepresentation()] });

    expect(result).toEqual(householdAnswer((value) => value, true));
  });

  it('when a partner limited to PBI_JK (pii, no sensitive scope) reads a household, then eligibility and targeting list only PBI_JK, and who is covered is withheld', async () => {
    const run = setUp(testPrincipal('partner', { programmes: ['PBI_JK'] }));

    const result = await run(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Household { eligibility { program eligible beneficiaries } targeting { program status } } }
      }`,
      { representations: [familyRepresentation()] },
    );

    expect(result).toEqual({
      data: {
        _entities: [
          {
            eligibility: [{ program: 'PBI_JK', eligible: true, beneficiaries: [] }],
            targeting: [{ program: 'PBI_JK', status: 'EXCLUSION_ERROR' }],
          },
        ],
      },
      errors: undefined,
    });
  });

  it('when a partner limited to BLT_DD reads a household, then eligibility and targeting hold BLT_DD alone (Kemendes records its receipt)', async () => {
    const run = setUp(testPrincipal('partner', { programmes: ['BLT_DD'] }));

    const result = await run(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Household { eligibility { program eligible } targeting { program } } }
      }`,
      { representations: [familyRepresentation()] },
    );

    expect(result).toEqual({
      data: { _entities: [{ eligibility: [{ program: 'BLT_DD', eligible: false }], targeting: [{ program: 'BLT_DD' }] }] },
      errors: undefined,
    });
  });

  it.each([
    ['frontend', 'A. L.'],
    ['caseworker', 'Ayu Lestari'],
  ] as const)('when the %s reads a person, then the name is %p and the keys stay raw', async (role, name) => {
    const run = setUp(testPrincipal(role));

    const result = await run(PERSON, { representations: [TODDLER_REPRESENTATION] });

    expect(result).toEqual({
      data: { _entities: [{ nik: TODDLER.nik, name, households: [{ noKK: KK }] }] },
      errors: undefined,
    });
  });
});

describe('scopes of the root fields', () => {
  const NIK = FATHER.nik;

  it.each([
    ['auditor', `{ household(noKK: "${KK}") { noKK } }`, 'household', 'lookup', { household: null }],
    ['auditor', `{ person(nik: "${NIK}") { nik } }`, 'person', 'lookup', { person: null }],
    ['frontend', '{ households { totalCount } }', 'households', 'search', null],
    ['partner', '{ households { totalCount } }', 'households', 'search', null],
    ['frontend', '{ statistics(level: CITY) { level } }', 'statistics', 'statistics', null],
    ['partner', '{ statistics(level: CITY) { level } }', 'statistics', 'statistics', null],
    ['analyst', `{ auditTrail(nik: "${NIK}") { nik } }`, 'auditTrail', 'audit', { auditTrail: null }],
    ['caseworker', `{ auditTrail(nik: "${NIK}") { nik } }`, 'auditTrail', 'audit', { auditTrail: null }],
  ] as const)('when the %s asks %s, then the answer is FORBIDDEN naming the %s field', async (role, query, field, scope, data) => {
    const run = setUp(testPrincipal(role as Role));

    const result = await run(query);

    expect(result).toEqual({
      data,
      errors: [{ message: `${field} needs the ${scope} scope`, locations: [{ line: 1, column: 3 }], path: [field], extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it('when a principal without lookup asks for a household, then the registers are not asked', async () => {
    const asked: string[] = [];
    const run = setUp(testPrincipal('auditor'), {
      householdsHeld: async (keys) => {
        asked.push(...keys);
        return keys.map(() => true);
      },
      personsHeld: async (keys) => keys.map(() => true),
      memberRecords: async (_register, keys) => keys.map(() => []),
    });

    await run(`{ household(noKK: "${KK}") { noKK } }`);

    expect(asked).toEqual([]);
  });

  it('when an auditor asks for a NIK\'s audit trail, then it answers the key for the registers to fill', async () => {
    const run = setUp(testPrincipal('auditor'));

    expect(await run(`{ auditTrail(nik: "${NIK}") { nik } }`)).toEqual({ data: { auditTrail: { nik: NIK } }, errors: undefined });
  });

  it('when an auditor asks for the audit trail of a malformed NIK, then the error is BAD_USER_INPUT naming the argument', async () => {
    const run = setUp(testPrincipal('auditor'));

    expect(await run('{ auditTrail(nik: "31710112") { nik } }')).toEqual({
      data: { auditTrail: null },
      errors: [
        {
          message: 'nik must be 16 digits',
          locations: [{ line: 1, column: 3 }],
          path: ['auditTrail'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'nik' },
        },
      ],
    });
  });

  it.each(ROLES)('when the %s asks for the rule set, then it is answered', async (role) => {
    const run = setUp(testPrincipal(role));

    expect(await run('{ ruleSet { version } }')).toEqual({ data: { ruleSet: { version: '2025' } }, errors: undefined });
  });
});

describe('look-ups the registers refuse', () => {
  it('when the directory refuses a family to the principal, then the look-up is FORBIDDEN rather than null, and the directory was asked for that principal', async () => {
    const principal = testPrincipal('caseworker', { regions: ['3172'] });
    const askedFor: string[] = [];
    const run = setUp(principal, {
      householdsHeld: async (keys, asking) => {
        askedFor.push(asking.subject);
        return keys.map((key) => (key === KK ? forbidden('This family is outside your regions') : true));
      },
      personsHeld: async (keys) => keys.map(() => false),
      memberRecords: async (_register, keys) => keys.map(() => []),
    });

    const result = await run(`{ refused: household(noKK: "${KK}") { noKK } held: household(noKK: "${OTHER_KK}") { noKK } }`);

    expect({ result, askedFor }).toEqual({
      result: {
        data: { refused: null, held: { noKK: OTHER_KK } },
        errors: [
          { message: 'This family is outside your regions', locations: [{ line: 1, column: 3 }], path: ['refused'], extensions: { code: 'FORBIDDEN' } },
        ],
      },
      askedFor: [principal.subject],
    });
  });
});
