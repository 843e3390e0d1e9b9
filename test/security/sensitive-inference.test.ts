import { execute, parse, type ExecutionResult } from 'graphql';
import type { Principal } from '../../common/auth/principal';
import { createCursorCodec } from '../../common/cursor';
import type { RegisterDirectory } from '../../subgraph-calls/register-directory';
import type { HouseholdRepresentation, RegsosekMemberRepresentation } from '../../subgraphs/dtsen/representation';
import { buildDtsenSchema, createDtsenContext } from '../../subgraphs/dtsen/schema';
import { RULES, householdInput, qualityView } from '../subgraphs/dtsen/fixtures';
import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { TEST_SIGNING_SECRET, testPrincipal } from '../support/principals';

// An insider whose token lacks the `sensitive` scope tries to learn which member of a family is
// pregnant, severely disabled, chronically ill or insured through an employer, or which PKH
// components DTKS registered, from everything the dtsen subgraph computes: reasons, beneficiaries,
// data-quality details, members, desil, targeting. The attack: take a family, move the sensitive
// facts from one member to another (or change the registered components), and compare what the
// token is told. Whether a family is eligible and for how much is released to every reader that may
// look it up (docs/security.md, "What each role can learn"), so only variants with the same
// outcomes are compared: if the token's answers differ there, they tell who.

const NOTHING_HELD: RegisterDirectory = { householdsHeld: async (keys) => keys.map(() => false), personsHeld: async (keys) => keys.map(() => false), memberRecords: async (_register, keys) => keys.map(() => []) };
const deps = { ruleSet: RULES, evaluationDate: EVALUATION_DATE, directory: NOTHING_HELD, cursors: createCursorCodec(TEST_SIGNING_SECRET) };
const schema = buildDtsenSchema(deps);

const EVERYTHING = parse(`query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Household {
      noKK sources unavailableSources
      members { nik }
      region { code villageKind source }
      desil { value source rankingVersion conflict candidates { source value } complete }
      eligibility { program eligible reasons estimatedAnnualBenefit beneficiaries ruleSet complete }
      targeting { program receiving eligible status complete }
      dataQuality { code sources nik detail }
    }
  }
}`);

type Answer = { eligibility?: { program: string; eligible: boolean; estimatedAnnualBenefit: number }[]; targeting?: { program: string; status: string }[] };

async function computedAnswer(family: HouseholdRepresentation, principal: Principal): Promise<Answer> {
  const [view] = qualityView([family]);
  if (!view) throw new Error('no view');
  const result = (await execute({
    schema,
    document: EVERYTHING,
    variableValues: { representations: [{ __typename: 'Household', ...householdInput(view) }] },
    contextValue: createDtsenContext(deps, principal),
  })) as ExecutionResult;
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
  return (result.data?.['_entities'] as Answer[])[0] as Answer;
}

// A family's answer for a principal is the same every time it is asked (the schema is pure over its
// representation), and each family is compared with several variants and asked by the caseworker in
// every role's test: each is computed once.
const answers = new Map<Principal, WeakMap<HouseholdRepresentation, Promise<Answer>>>();

function answer(family: HouseholdRepresentation, principal: Principal): Promise<Answer> {
  const known = answers.get(principal) ?? new WeakMap<HouseholdRepresentation, Promise<Answer>>();
  answers.set(principal, known);
  const answered = known.get(family) ?? computedAnswer(family, principal);
  known.set(family, answered);
  return answered;
}

/** What every reader is told of the outcomes: eligible, benefit and targeting status per programme. */
function outcomes(seen: Answer) {
  return {
    eligibility: seen.eligibility?.map(({ program, eligible, estimatedAnnualBenefit }) => ({ program, eligible, estimatedAnnualBenefit })),
    targeting: seen.targeting?.map(({ program, status }) => ({ program, status })),
  };
}

const SENSITIVE_FIELDS = ['difficulty', 'healthInsurance', 'pregnant'] as const;

/** The family with member `i`'s and member `j`'s sensitive Regsosek facts (chronic disease too) exchanged. */
function swapped(family: HouseholdRepresentation, i: number, j: number): HouseholdRepresentation {
  const members = family.regsosek?.members ?? [];
  const facts = (member: RegsosekMemberRepresentation) => ({
    ...Object.fromEntries(SENSITIVE_FIELDS.map((field) => [field, member[field]])),
    chronicDisease: (member as { chronicDisease?: boolean }).chronicDisease,
  });
  const exchanged = members.map((member, index) => {
    const other = index === i ? members[j] : index === j ? members[i] : undefined;
    return other ? { ...member, ...facts(other) } : member;
  });
  return { ...family, regsosek: family.regsosek && { ...family.regsosek, members: exchanged } };
}

/** The family with DTKS's registered PKH components replaced by others. */
function otherComponents(family: HouseholdRepresentation): HouseholdRepresentation {
  const dtks = family.dtks;
  if (!dtks?.receipts.some((receipt) => receipt.program === 'PKH')) return family;
  return {
    ...family,
    dtks: {
      ...dtks,
      receipts: dtks.receipts.map((receipt) =>
        receipt.program === 'PKH' ? { ...receipt, pkhComponents: receipt.pkhComponents?.includes('PREGNANT') ? ['ELDERLY'] : ['PREGNANT', 'SEVERE_DISABILITY'] } : receipt,
      ),
    },
  };
}

const world = generatedWorld(150);
const families: HouseholdRepresentation[] = world.regsosek.map((regsosek) => ({
  noKK: regsosek.noKK,
  regsosek,
  dtks: world.dtks.find((family) => family.noKK === regsosek.noKK) ?? null,
  p3ke: world.p3ke.find((family) => family.noKK === regsosek.noKK) ?? null,
}));
const variants: [HouseholdRepresentation, HouseholdRepresentation][] = families.flatMap((family) => [
  ...(family.regsosek?.members ?? []).slice(1).map((_, k): [HouseholdRepresentation, HouseholdRepresentation] => [family, swapped(family, 0, k + 1)]),
  [family, otherComponents(family)],
]);

describe('inferring sensitive facts from derived values', () => {
  const caseworker = testPrincipal('caseworker', { regions: null });

  it.each([
    ['frontend', testPrincipal('frontend')],
    ['analyst', testPrincipal('analyst')],
    ['partner for PBI-JK', testPrincipal('partner', { programmes: ['PBI_JK'] })],
    ['partner for PKH', testPrincipal('partner', { programmes: ['PKH'] })],
  ] as const)(
    'when the sensitive facts of a family are moved between its members or its PKH components change, then the %s is told the same, whenever the outcomes stay the same',
    async (_role, reader) => {
      let compared = 0;
      let telling = 0;
      const differences: string[] = [];
      for (const [family, variant] of variants) {
        const [before, after] = [await answer(family, caseworker), await answer(variant, caseworker)];
        if (JSON.stringify(outcomes(before)) !== JSON.stringify(outcomes(after))) continue;
        compared += 1;
        // A caseworker (sensitive scope) is told the difference: the attack had something to find.
        if (JSON.stringify(before) !== JSON.stringify(after)) telling += 1;
        if (JSON.stringify(await answer(family, reader)) !== JSON.stringify(await answer(variant, reader))) differences.push(family.noKK);
      }

      expect({ differences, enoughCompared: compared >= 200, enoughTelling: telling >= 50 }).toEqual({
        differences: [],
        enoughCompared: true,
        enoughTelling: true,
      });
    },
  );
});
