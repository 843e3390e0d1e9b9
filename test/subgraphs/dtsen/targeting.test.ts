import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import { DESA, EVALUATION_DATE, FATHER, MOTHER, RULES, activeReceipt, bltDdReceipt, dtksFamily, household, p3keFamily, regsosekFamily, regsosekMember } from './fixtures';

describe('targeting', () => {
  it('when a desil-2 family receives PKH and PBI-JK, then PKH and PBI-JK are on target and BPNT and PIP are exclusion errors', () => {
    const family = household({ dtks: dtksFamily({ receipts: [activeReceipt('PKH'), activeReceipt('PBI_JK')] }) });

    expect(resolveHousehold(family, RULES, EVALUATION_DATE).targeting).toEqual([
      { program: 'PKH', receiving: true, eligible: true, status: 'ON_TARGET', complete: true },
      { program: 'BPNT', receiving: false, eligible: true, status: 'EXCLUSION_ERROR', complete: true },
      { program: 'PBI_JK', receiving: true, eligible: true, status: 'ON_TARGET', complete: true },
      { program: 'PIP', receiving: false, eligible: true, status: 'EXCLUSION_ERROR', complete: true },
      { program: 'BLT_DD', receiving: false, eligible: false, status: 'NOT_TARGETED', complete: true },
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
      { program: 'BLT_DD', receiving: false, eligible: false, status: 'NOT_TARGETED', complete: true },
    ]);
  });

  const DESIL_1 = { desil: 1, percentile: 6, version: '2025Q4', rankedAt: '2025-10-01' };
  /** Extremely poor, in a desa, receiving neither PKH nor BPNT: eligible for BLT-DD. */
  const eligibleForBltDd = (kemendes: ReturnType<typeof bltDdReceipt> | null | undefined) =>
    household({
      regsosek: regsosekFamily({ regionCode: DESA, ranking: DESIL_1 }),
      dtks: dtksFamily({ regionCode: DESA, receipts: [] }),
      p3ke: p3keFamily({ regionCode: DESA, desil: 1, extremePoor: true }),
      kemendes,
    });
  const bltDdTargeting = (family: ReturnType<typeof household>) =>
    resolveHousehold(family, RULES, EVALUATION_DATE).targeting.find((entry) => entry.program === 'BLT_DD');

  it('when Kemendes records an active BLT-DD receipt of an eligible family, then BLT_DD is on target', () => {
    expect(bltDdTargeting(eligibleForBltDd(bltDdReceipt()))).toEqual({ program: 'BLT_DD', receiving: true, eligible: true, status: 'ON_TARGET', complete: true });
  });

  it('when Kemendes records only a suspended or ended receipt of an eligible family, or none, then BLT_DD is an exclusion error', () => {
    expect([bltDdReceipt({ status: 'SUSPENDED' }), bltDdReceipt({ status: 'ENDED' }), null].map((receipt) => bltDdTargeting(eligibleForBltDd(receipt))?.status)).toEqual([
      'EXCLUSION_ERROR',
      'EXCLUSION_ERROR',
      'EXCLUSION_ERROR',
    ]);
  });

  it('when Kemendes records an active receipt of a family that receives BPNT, then BLT_DD is an inclusion error', () => {
    const family = { ...eligibleForBltDd(bltDdReceipt()), dtks: dtksFamily({ regionCode: DESA, receipts: [activeReceipt('BPNT')] }) };

    expect(bltDdTargeting(family)).toEqual({ program: 'BLT_DD', receiving: true, eligible: false, status: 'INCLUSION_ERROR', complete: true });
  });

  it('when Kemendes could not be asked, then BLT_DD targeting is incomplete and every other entry, and eligibility, stays complete', () => {
    const resolution = resolveHousehold(eligibleForBltDd(undefined), RULES, EVALUATION_DATE);

    expect({
      targeting: resolution.targeting.map((entry) => [entry.program, entry.status, entry.complete]),
      eligibilityComplete: resolution.eligibility.every((entry) => entry.complete),
      desilComplete: resolution.desil?.complete,
    }).toEqual({
      targeting: [
        ['PKH', 'EXCLUSION_ERROR', true],
        ['BPNT', 'EXCLUSION_ERROR', true],
        ['PBI_JK', 'EXCLUSION_ERROR', true],
        ['PIP', 'EXCLUSION_ERROR', true],
        ['BLT_DD', 'EXCLUSION_ERROR', false],
      ],
      eligibilityComplete: true,
      desilComplete: true,
    });
  });
});
