import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import type { HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import { DESA, EVALUATION_DATE, RULES, activeReceipt, bltDdReceipt, dtksFamily, household, p3keFamily, regsosekFamily, asRead } from './fixtures';

function bltDdOf(family: HouseholdRepresentation) {
  return asRead(resolveHousehold(family, RULES, EVALUATION_DATE).eligibility.find((entry) => entry.program === 'BLT_DD'));
}

const DESIL_1 = { desil: 1, percentile: 6, version: '2025Q4', rankedAt: '2025-10-01' };

function extremePoorIn(regionCode: string, receipts = dtksFamily().receipts): HouseholdRepresentation {
  return household({
    regsosek: regsosekFamily({ regionCode, ranking: DESIL_1 }),
    dtks: dtksFamily({ regionCode, welfarePercentile: 5, receipts }),
    p3ke: p3keFamily({ regionCode, desil: 1, extremePoor: true }),
  });
}

describe('BLT-DD eligibility', () => {
  it('when Kemendes lists the family, then the last reason names its receipt as the desa records it, which decides nothing', () => {
    const read = (kemendes: ReturnType<typeof bltDdReceipt> | undefined) => {
      const entry = bltDdOf({ ...extremePoorIn(DESA), kemendes });
      return [entry?.eligible, entry?.complete, entry?.reasons.at(-1)];
    };

    expect([read(bltDdReceipt()), read(bltDdReceipt({ status: 'SUSPENDED', since: '2024-11' })), read(undefined)]).toEqual([
      [true, true, 'Kemendes (desa records) lists an active BLT Dana Desa receipt since 2025-03, Rp 300,000 a month'],
      [true, true, 'Kemendes (desa records) lists a suspended BLT Dana Desa receipt since 2024-11'],
      [true, true, 'Kemendes could not be asked whether a desa pays the family BLT Dana Desa'],
    ]);
  });

  it('when an extremely poor family in a desa receives neither PKH nor BPNT, then it gets Rp 300,000 a month', () => {
    expect(bltDdOf(extremePoorIn(DESA))).toEqual({
      program: 'BLT_DD',
      complete: true,
      eligible: true,
      reasons: [
        'Lives in a desa, Tambakreja (33.01.01.2001), which has Dana Desa',
        'Desil 1 (DTSEN ranking 2025Q4) counts as extreme poverty',
        'P3KE flags the family as extremely poor',
        'Receives neither PKH nor BPNT (DTKS)',
        'Rp 300,000 a month for the family',
        'Kemendes (desa records) lists no BLT Dana Desa receipt for the family',
      ],
      estimatedAnnualBenefit: 3_600_000,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when the same family lives in a kelurahan, then it is not eligible', () => {
    expect(bltDdOf(extremePoorIn('3171011001'))).toEqual({
      program: 'BLT_DD',
      complete: true,
      eligible: false,
      reasons: [
        'Lives in a kelurahan, Gambir (31.71.01.1001), which has no Dana Desa',
        'Desil 1 (DTSEN ranking 2025Q4) counts as extreme poverty',
        'P3KE flags the family as extremely poor',
        'Receives neither PKH nor BPNT (DTKS)',
        'Kemendes (desa records) lists no BLT Dana Desa receipt for the family',
      ],
      estimatedAnnualBenefit: 0,
      beneficiaries: [],
      ruleSet: '2025',
    });
  });

  it('when the family in a desa receives BPNT, then it is not eligible', () => {
    const bltDd = bltDdOf(extremePoorIn(DESA, [activeReceipt('BPNT')]));

    expect([bltDd?.eligible, bltDd?.reasons[3]]).toEqual([false, 'Receives BPNT (DTKS, active)']);
  });

  it('when only the P3KE flag marks the family as extremely poor, then that is enough', () => {
    const family = household({
      regsosek: regsosekFamily({ regionCode: DESA, ranking: { ...DESIL_1, desil: 2 } }),
      dtks: null,
      p3ke: p3keFamily({ regionCode: DESA, desil: 1, extremePoor: true }),
    });

    expect(bltDdOf(family)?.eligible).toBe(true);
  });

  it('when a family in a desa is desil 2 and not flagged, then it is not extremely poor', () => {
    const family = household({
      regsosek: regsosekFamily({ regionCode: DESA }),
      dtks: null,
      p3ke: p3keFamily({ regionCode: DESA }),
    });

    expect(bltDdOf(family)?.reasons[1]).toBe(
      'Not extremely poor: Desil 2 (DTSEN ranking 2025Q4) is above desil 1 and P3KE does not flag it as extremely poor',
    );
  });
});
