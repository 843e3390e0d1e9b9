import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import type { HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import {
  EVALUATION_DATE,
  FATHER,
  MOTHER,
  NO_DIFFICULTY,
  RULES,
  SD_PUPIL,
  SMP_PUPIL,
  TODDLER,
  dtksFamily,
  dtksMember,
  household,
  p3keFamily,
  p3keMember,
  personSpec,
  pupil,
  regsosekFamily,
  regsosekMember,
  asRead,
} from './fixtures';

function pkhOf(family: HouseholdRepresentation, on = EVALUATION_DATE) {
  return asRead(resolveHousehold(family, RULES, on).eligibility.find((entry) => entry.program === 'PKH'));
}

const NO_EXCLUSION =
  'No exclusion applies: no member works as civil servant/army/police/state-enterprise employee or official, no car and installed electricity not above 1,300 VA';

describe('PKH eligibility', () => {
  it('when a desil-2 family has a child aged 0-6, a pupil SD and a pupil SMP, then it gets the three components', () => {
    expect(pkhOf(household())).toEqual({
      program: 'PKH',
      complete: true,
      eligible: true,
      reasons: [
        'Desil 2 (DTSEN ranking 2025Q4) is within the PKH cut-off of 4',
        NO_EXCLUSION,
        `3 components (Rp 5,400,000 a year): child aged 0-6 (${TODDLER.nik}), pupil SD (${SD_PUPIL.nik}), pupil SMP (${SMP_PUPIL.nik})`,
      ],
      estimatedAnnualBenefit: 5_400_000,
      beneficiaries: [TODDLER.nik, SD_PUPIL.nik, SMP_PUPIL.nik],
      ruleSet: '2025',
    });
  });

  it('when members exceed the caps, then 2 pregnancies, 2 children 0-6, 1 elderly and 1 severe disability are counted, one component each', () => {
    const toddlers = [1, 2, 3].map((serial) => personSpec(`Anak ${serial}`, 'MALE', `202${serial}-01-10`, 3, serial));
    const grandfather = personSpec('Kakek', 'MALE', '1950-01-01', 6);
    const grandmother = personSpec('Nenek', 'FEMALE', '1953-04-04', 6);
    const greatAunt = personSpec('Uwak', 'FEMALE', '1945-06-06', 8);
    const family = household({
      dtks: null,
      p3ke: null,
      regsosek: regsosekFamily({
        members: [
          regsosekMember(FATHER),
          regsosekMember(MOTHER, { pregnant: true }),
          ...toddlers.map((toddler) => regsosekMember(toddler, { schoolParticipation: 1, schoolLevel: null })),
          regsosekMember(grandfather, { difficulty: { ...NO_DIFFICULTY, walking: 1 } }),
          regsosekMember(grandmother),
          regsosekMember(greatAunt),
        ],
      }),
    });

    expect(pkhOf(family)).toEqual({
      program: 'PKH',
      complete: true,
      eligible: true,
      reasons: [
        'Desil 2 (DTSEN ranking 2025Q4) is within the PKH cut-off of 4',
        NO_EXCLUSION,
        `5 components (Rp 13,800,000 a year): pregnant woman (${MOTHER.nik}), child aged 0-6 (${toddlers[0]?.nik}), child aged 0-6 (${toddlers[1]?.nik}), severe disability (${grandfather.nik}), elderly aged 70+ (${grandmother.nik})`,
        `Not counted: ${toddlers[2]?.nik} (child aged 0-6), the family cap of 2 is reached`,
        `Not counted: ${greatAunt.nik} (elderly aged 70+), the family cap of 1 is reached`,
      ],
      estimatedAnnualBenefit: 13_800_000,
      beneficiaries: [MOTHER.nik, toddlers[0]?.nik, toddlers[1]?.nik, grandfather.nik, grandmother.nik],
      ruleSet: '2025',
    });
  });

  it('when the desil is 5, then the family is not eligible despite its components', () => {
    const family = household({
      p3ke: null,
      dtks: null,
      regsosek: regsosekFamily({ ranking: { desil: 5, percentile: 45, version: '2025Q4', rankedAt: '2025-10-01' } }),
    });

    expect(pkhOf(family)).toEqual({
      program: 'PKH',
      complete: true,
      eligible: false,
      reasons: [
        'Desil 5 (DTSEN ranking 2025Q4) is above the PKH cut-off of 4',
        NO_EXCLUSION,
        `3 components (Rp 5,400,000 a year): child aged 0-6 (${TODDLER.nik}), pupil SD (${SD_PUPIL.nik}), pupil SMP (${SMP_PUPIL.nik})`,
      ],
      estimatedAnnualBenefit: 0,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when the family owns a car, then it is not eligible', () => {
    const pkh = pkhOf(household({ regsosek: regsosekFamily({ assets: { car: true } }) }));

    expect([pkh?.eligible, pkh?.reasons[1], pkh?.estimatedAnnualBenefit]).toEqual([
      false,
      'The family owns a car (Regsosek assets)',
      0,
    ]);
  });

  it('when no living member qualifies for a component, then the family is not eligible', () => {
    const family = household({
      dtks: null,
      p3ke: null,
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER), regsosekMember(MOTHER), regsosekMember(TODDLER, { presence: 2 })] }),
    });

    expect(pkhOf(family)).toEqual({
      program: 'PKH',
      complete: true,
      eligible: false,
      reasons: [
        'Desil 2 (DTSEN ranking 2025Q4) is within the PKH cut-off of 4',
        NO_EXCLUSION,
        'No living member qualifies for a PKH component (pregnant woman, pupil SD, pupil SMP, pupil SMA, child aged 0-6, severe disability and elderly aged 70+)',
      ],
      estimatedAnnualBenefit: 0,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when a child turns 7 on the evaluation date and is not in school, then the child no longer counts', () => {
    const child = personSpec('Tono', 'MALE', '2018-07-01', 3);
    const family = household({
      dtks: null,
      p3ke: null,
      regsosek: regsosekFamily({
        members: [regsosekMember(FATHER), regsosekMember(child, { schoolParticipation: 1, schoolLevel: null })],
      }),
    });

    const dayBefore = pkhOf(family, new Date('2025-06-30T00:00:00Z'));
    const birthday = pkhOf(family, new Date('2025-07-01T00:00:00Z'));

    expect([dayBefore?.eligible, dayBefore?.estimatedAnnualBenefit, birthday?.eligible, birthday?.estimatedAnnualBenefit]).toEqual([
      true,
      3_000_000,
      false,
      0,
    ]);
  });

  it('when a 6-year-old is already in SD, then the child counts as a pupil SD, not as a child aged 0-6', () => {
    const child = personSpec('Tini', 'FEMALE', '2019-01-01', 3);
    const family = household({
      dtks: null,
      p3ke: null,
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER), pupil(child, 'SD')] }),
    });

    expect(pkhOf(family)?.reasons[2]).toBe(`1 component (Rp 900,000 a year): pupil SD (${child.nik})`);
  });

  it('when DTKS records a PKH receipt, then its registered components are reported', () => {
    const family = household({
      dtks: dtksFamily({ receipts: [{ program: 'PKH', status: 'SUSPENDED', pkhComponents: ['EARLY_CHILDHOOD', 'ELDERLY'] }] }),
    });

    expect(pkhOf(family)?.reasons.at(-1)).toBe('DTKS records a PKH receipt (SUSPENDED) with components child aged 0-6, elderly aged 70+');
  });

  it('when Regsosek does not hold the family, then ages come from DTKS/P3KE, schooling from P3KE, and the reasons say what could not be checked', () => {
    const family = household({
      regsosek: null,
      dtks: dtksFamily({ members: [dtksMember(FATHER), dtksMember(MOTHER), dtksMember(TODDLER)] }),
      p3ke: p3keFamily({ members: [p3keMember(FATHER), p3keMember(SMP_PUPIL, true)] }),
    });

    expect(pkhOf(family)).toEqual({
      program: 'PKH',
      complete: true,
      eligible: true,
      reasons: [
        "Desil 2 (P3KE's own model) is within the PKH cut-off of 4",
        'Regsosek does not hold the family, so exclusions (employment, car, electricity) could not be checked',
        `2 components (Rp 4,500,000 a year): child aged 0-6 (${TODDLER.nik}), pupil SMP (${SMP_PUPIL.nik}, level assumed from age)`,
        'Regsosek does not hold the family: ages come from DTKS/P3KE birth dates and schooling from P3KE; pregnancy and disability could not be checked',
      ],
      estimatedAnnualBenefit: 4_500_000,
      beneficiaries: [TODDLER.nik, SMP_PUPIL.nik],
      ruleSet: '2025',
    });
  });
});
