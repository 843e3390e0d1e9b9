import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import type { HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import {
  EVALUATION_DATE,
  FATHER,
  MOTHER,
  RULES,
  TODDLER,
  dtksFamily,
  dtksMember,
  household,
  regsosekFamily,
  regsosekMember,
  asRead,
} from './fixtures';

function pbiJkOf(family: HouseholdRepresentation) {
  return asRead(resolveHousehold(family, RULES, EVALUATION_DATE).eligibility.find((entry) => entry.program === 'PBI_JK'));
}

const RANKED_5 = { desil: 5, percentile: 47, version: '2025Q4', rankedAt: '2025-10-01' };
const NO_EXCLUSION =
  'No exclusion applies: no member works as civil servant/army/police/state-enterprise employee or official, no car and installed electricity not above 1,300 VA';

describe('PBI-JK eligibility', () => {
  it('when a desil-5 family has a member insured through an employer, then every other living member is covered', () => {
    const family = household({
      dtks: null,
      p3ke: null,
      regsosek: regsosekFamily({
        ranking: RANKED_5,
        members: [
          regsosekMember(FATHER, { employmentStatus: 4, healthInsurance: 4 }),
          regsosekMember(MOTHER, { healthInsurance: 0 }),
          regsosekMember(TODDLER, { healthInsurance: 1 | 8 }),
        ],
      }),
    });

    expect(pbiJkOf(family)).toEqual({
      program: 'PBI_JK',
      complete: true,
      eligible: true,
      reasons: [
        'Desil 5 (DTSEN ranking 2025Q4) is within the PBI-JK cut-off of 5',
        NO_EXCLUSION,
        `2 members not insured through an employer, Rp 42,000 a month each: ${MOTHER.nik} and ${TODDLER.nik}`,
        `Already insured through an employer (Regsosek health insurance): ${FATHER.nik}`,
        'BPJS Kesehatan lists no living member enrolled as PBI',
      ],
      estimatedAnnualBenefit: 1_008_000,
      beneficiaries: [MOTHER.nik, TODDLER.nik],
      ruleSet: '2025',
    });
  });

  it('when every living member is insured through an employer, then the family is not eligible', () => {
    const family = household({
      dtks: null,
      p3ke: null,
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER, { healthInsurance: 4 | 2 })] }),
    });

    expect(pbiJkOf(family)).toEqual({
      program: 'PBI_JK',
      complete: true,
      eligible: false,
      reasons: [
        'Desil 2 (DTSEN ranking 2025Q4) is within the PBI-JK cut-off of 5',
        NO_EXCLUSION,
        'No living member without employer health insurance',
        `Already insured through an employer (Regsosek health insurance): ${FATHER.nik}`,
        'BPJS Kesehatan lists no living member enrolled as PBI',
      ],
      estimatedAnnualBenefit: 0,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when the desil is 6, then nobody is covered', () => {
    const family = household({ p3ke: null, dtks: null, regsosek: regsosekFamily({ ranking: { ...RANKED_5, desil: 6 } }) });

    expect([pbiJkOf(family)?.eligible, pbiJkOf(family)?.estimatedAnnualBenefit]).toEqual([false, 0]);
  });

  it('when Regsosek does not hold the family, then every DTKS member is covered and the reasons say insurance was not checked', () => {
    const family = household({
      regsosek: null,
      p3ke: null,
      dtks: dtksFamily({ welfarePercentile: 8, members: [dtksMember(FATHER), dtksMember(MOTHER)] }),
    });

    expect(pbiJkOf(family)).toEqual({
      program: 'PBI_JK',
      complete: true,
      eligible: true,
      reasons: [
        'Desil 1 (DTKS legacy percentile 8) is within the PBI-JK cut-off of 5',
        'Regsosek does not hold the family, so exclusions (employment, car, electricity) could not be checked',
        `2 members not insured through an employer, Rp 42,000 a month each: ${FATHER.nik} and ${MOTHER.nik}`,
        'Regsosek does not hold the family, so health insurance could not be checked',
        'BPJS Kesehatan lists no living member enrolled as PBI',
      ],
      estimatedAnnualBenefit: 1_008_000,
      beneficiaries: [FATHER.nik, MOTHER.nik],
      ruleSet: '2025',
    });
  });
});
