import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import { EVALUATION_DATE, FATHER, MOTHER, RULES, activeReceipt, dtksFamily, household, regsosekFamily, regsosekMember } from './fixtures';

describe('targeting', () => {
  it('when a desil-2 family receives PKH and PBI-JK, then PKH and PBI-JK are on target and BPNT and PIP are exclusion errors', () => {
    const family = household({ dtks: dtksFamily({ receipts: [activeReceipt('PKH'), activeReceipt('PBI_JK')] }) });

    expect(resolveHousehold(family, RULES, EVALUATION_DATE).targeting).toEqual([
      { program: 'PKH', receiving: true, eligible: true, status: 'ON_TARGET', complete: true },
      { program: 'BPNT', receiving: false, eligible: true, status: 'EXCLUSION_ERROR', complete: true },
      { program: 'PBI_JK', receiving: true, eligible: true, status: 'ON_TARGET', complete: true },
      { program: 'PIP', receiving: false, eligible: true, status: 'EXCLUSION_ERROR', complete: true },
    ]);
  });

  it('when a desil-7 family of adults receives BPNT and has a suspended PKH receipt, then BPNT is an inclusion error and the rest not targeted', () => {
    const family = household({
      p3ke: null,
      dtks: dtksFamily({
        welfarePercentile: null,
        receipts: [activeReceipt('BPNT'), { program: 'PKH', status: 'SUSPENDED', pkhComponents: [] }],
      }),
      regsosek: regsosekFamily({
        ranking: { desil: 7, percentile: 66, version: '2025Q4', rankedAt: '2025-10-01' },
        members: [regsosekMember(FATHER), regsosekMember(MOTHER)],
      }),
    });

    expect(resolveHousehold(family, RULES, EVALUATION_DATE).targeting).toEqual([
      { program: 'PKH', receiving: false, eligible: false, status: 'NOT_TARGETED', complete: true },
      { program: 'BPNT', receiving: true, eligible: false, status: 'INCLUSION_ERROR', complete: true },
      { program: 'PBI_JK', receiving: false, eligible: false, status: 'NOT_TARGETED', complete: true },
      { program: 'PIP', receiving: false, eligible: false, status: 'NOT_TARGETED', complete: true },
    ]);
  });
});
