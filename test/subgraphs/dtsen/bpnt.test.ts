import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import type { HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import { EVALUATION_DATE, RULES, household, regsosekFamily, asRead } from './fixtures';

function bpntOf(family: HouseholdRepresentation) {
  return asRead(resolveHousehold(family, RULES, EVALUATION_DATE).eligibility.find((entry) => entry.program === 'BPNT'));
}

function rankedAt(desil: number): HouseholdRepresentation {
  return household({
    dtks: null,
    p3ke: null,
    regsosek: regsosekFamily({ ranking: { desil, percentile: desil * 10 - 5, version: '2025Q4', rankedAt: '2025-10-01' } }),
  });
}

const NO_EXCLUSION =
  'No exclusion applies: no member works as civil servant/army/police/state-enterprise employee or official, no car and installed electricity not above 1,300 VA';

describe('BPNT eligibility', () => {
  it('when the desil is 4 and nothing excludes the family, then it gets Rp 200,000 a month', () => {
    expect(bpntOf(rankedAt(4))).toEqual({
      program: 'BPNT',
      complete: true,
      eligible: true,
      reasons: ['Desil 4 (DTSEN ranking 2025Q4) is within the BPNT cut-off of 4', NO_EXCLUSION, 'Rp 200,000 a month for the family'],
      estimatedAnnualBenefit: 2_400_000,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when the desil is 5, then the family is not eligible', () => {
    expect(bpntOf(rankedAt(5))).toEqual({
      program: 'BPNT',
      complete: true,
      eligible: false,
      reasons: ['Desil 5 (DTSEN ranking 2025Q4) is above the BPNT cut-off of 4', NO_EXCLUSION],
      estimatedAnnualBenefit: 0,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when a member is a civil servant, then the family is not eligible', () => {
    const family = rankedAt(3);
    const regsosek = family.regsosek!;
    const excluded = household({
      ...family,
      regsosek: { ...regsosek, members: regsosek.members.map((member, index) => (index === 0 ? { ...member, employmentStatus: 5 } : member)) },
    });

    expect(bpntOf(excluded)?.eligible).toBe(false);
  });

  it('when no register ranks the family, then the cut-off cannot be met', () => {
    const family = household({ dtks: null, p3ke: null, regsosek: regsosekFamily({ ranking: null }) });

    expect(bpntOf(family)?.reasons[0]).toBe('No register ranks the family, so the BPNT cut-off of desil 4 cannot be met');
  });
});
