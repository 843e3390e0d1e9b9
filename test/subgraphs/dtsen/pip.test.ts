import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import type { HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import type { RuleSet } from '../../../subgraphs/dtsen/rules/rule-set';
import {
  EVALUATION_DATE,
  FATHER,
  RULES,
  SD_PUPIL,
  SMP_PUPIL,
  activeReceipt,
  dtksFamily,
  household,
  personSpec,
  pupil,
  regsosekFamily,
  regsosekMember,
  asRead,
} from './fixtures';

function pipOf(family: HouseholdRepresentation, rules: RuleSet = RULES) {
  return asRead(resolveHousehold(family, rules, EVALUATION_DATE).eligibility.find((entry) => entry.program === 'PIP'));
}

const SMA_PUPIL = personSpec('Eko', 'MALE', '2008-02-02', 3);
const STUDENT = personSpec('Fitri', 'FEMALE', '2005-03-03', 3);

function rankedFamily(desil: number, receipts = dtksFamily().receipts): HouseholdRepresentation {
  return household({
    p3ke: null,
    dtks: dtksFamily({ welfarePercentile: null, receipts }),
    regsosek: regsosekFamily({
      ranking: { desil, percentile: desil * 10 - 5, version: '2025Q4', rankedAt: '2025-10-01' },
      members: [regsosekMember(FATHER), pupil(SD_PUPIL, 'SD'), pupil(SMA_PUPIL, 'SMA'), pupil(STUDENT, 'HIGHER')],
    }),
  });
}

describe('PIP eligibility', () => {
  it('when a desil-3 family has pupils in SD and SMA and a university student, then each pupil gets the amount of their level', () => {
    expect(pipOf(rankedFamily(3))).toEqual({
      program: 'PIP',
      complete: true,
      eligible: true,
      reasons: [
        'Desil 3 (DTSEN ranking 2025Q4) is within the PIP cut-off of 4',
        'The family is eligible for PKH',
        `2 pupils (Rp 2,250,000 a year): SD (${SD_PUPIL.nik}), SMA (${SMA_PUPIL.nik})`,
      ],
      estimatedAnnualBenefit: 2_250_000,
      beneficiaries: [SD_PUPIL.nik, SMA_PUPIL.nik],
      ruleSet: '2025',
    });
  });

  it('when a desil-6 family receives PKH (DTKS, active), then its pupils get PIP', () => {
    expect(pipOf(rankedFamily(6, [activeReceipt('PKH')]))).toEqual({
      program: 'PIP',
      complete: true,
      eligible: true,
      reasons: [
        'Desil 6 (DTSEN ranking 2025Q4) is above the PIP cut-off of 4',
        'The family receives PKH (DTKS, active)',
        `2 pupils (Rp 2,250,000 a year): SD (${SD_PUPIL.nik}), SMA (${SMA_PUPIL.nik})`,
      ],
      estimatedAnnualBenefit: 2_250_000,
      beneficiaries: [SD_PUPIL.nik, SMA_PUPIL.nik],
      ruleSet: '2025',
    });
  });

  it('when a desil-6 family has only a suspended PKH receipt, then it is not eligible', () => {
    const suspended = [{ program: 'PKH' as const, status: 'SUSPENDED' as const, pkhComponents: [] }];

    expect(pipOf(rankedFamily(6, suspended))).toEqual({
      program: 'PIP',
      complete: true,
      eligible: false,
      reasons: [
        'Desil 6 (DTSEN ranking 2025Q4) is above the PIP cut-off of 4',
        'The family neither receives nor is eligible for PKH',
        `2 pupils (Rp 2,250,000 a year): SD (${SD_PUPIL.nik}), SMA (${SMA_PUPIL.nik})`,
      ],
      estimatedAnnualBenefit: 0,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when the PIP cut-off is below the desil but the family is eligible for PKH, then its pupils get PIP', () => {
    const rules: RuleSet = { ...RULES, programs: { ...RULES.programs, PIP: { ...RULES.programs.PIP, maxDesil: 3 } } };

    expect(pipOf(rankedFamily(4), rules)?.reasons.slice(0, 2)).toEqual([
      'Desil 4 (DTSEN ranking 2025Q4) is above the PIP cut-off of 3',
      'The family is eligible for PKH',
    ]);
    expect(pipOf(rankedFamily(4), rules)?.eligible).toBe(true);
  });

  it('when no member aged 6-21 is in school, then the family is not eligible', () => {
    const family = household({ p3ke: null, dtks: null, regsosek: regsosekFamily({ members: [regsosekMember(FATHER)] }) });

    expect(pipOf(family)?.reasons.at(-1)).toBe('No living member aged 6-21 is in school at SD, SMP or SMA');
    expect(pipOf(family)?.eligible).toBe(false);
  });

  it('when a pupil is 22, then they are past the PIP age', () => {
    const older = personSpec('Gita', 'FEMALE', '2003-01-01', 3);
    const family = household({ p3ke: null, dtks: null, regsosek: regsosekFamily({ members: [pupil(older, 'SMA'), pupil(SMP_PUPIL, 'SMP')] }) });

    expect(pipOf(family)?.beneficiaries).toEqual([SMP_PUPIL.nik]);
  });
});
