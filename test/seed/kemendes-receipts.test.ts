import { generateBatch } from '../../seed/generator';
import { TARGETING_ERROR_RATES } from '../../seed/generator/targeting-rates';

// The desa's BLT Dana Desa receipts the seeder draws beside the registers' records: consistent with
// the family as it truly is (its village, its head), and wrong only where the truth says so.

const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const ntt = generateBatch({ seed: 11, start: 0, count: 2000, evaluationDate: EVALUATION_DATE, region: '53' });

describe('generateBatch: Kemendes BLT Dana Desa receipts', () => {
  it('when receipts are drawn for Nusa Tenggara Timur, then each is of a family of a desa, in its true village, paid to a living member of it', () => {
    const households = new Map(ntt.households.map((household) => [household.noKK, household]));
    const inconsistent = ntt.kemendes.filter((receipt) => {
      const household = households.get(receipt.noKK);
      const recipient = receipt.members[0];
      return (
        !household ||
        receipt.regionCode !== household.regionCode ||
        receipt.regionCode.charAt(6) !== '2' ||
        receipt.members.length !== 1 ||
        !household.members.some((member) => member.living && member.nik === recipient?.nik && member.name === recipient.name) ||
        !/^20(2[2-6])-(0[1-9]|1[0-2])$/.test(receipt.since) ||
        receipt.monthlyAmount !== 300_000
      );
    });

    expect({ inconsistent, statuses: [...new Set(ntt.kemendes.map((receipt) => receipt.status))].sort() }).toEqual({ inconsistent: [], statuses: ['ACTIVE', 'ENDED', 'SUSPENDED'] });
  });

  it('when the truth is read, then every paid receipt that is neither an error nor a graduation candidate is of an eligible family, and the error rates are near the configured ones', () => {
    const flagged = new Map(
      ntt.truth.flatMap((line) =>
        (line.targeting ?? [])
          .filter((entry) => entry.program === 'BLT_DD' && entry.status !== 'ON_TARGET' && entry.status !== 'NOT_TARGETED')
          .map((entry) => [line.noKK, entry.status] as const),
      ),
    );
    const count = (status: string) => [...flagged.values()].filter((candidate) => candidate === status).length;
    const paid = ntt.kemendes.filter((receipt) => receipt.status === 'ACTIVE');
    const onTarget = paid.filter((receipt) => !flagged.has(receipt.noKK)).length;
    const exclusions = count('EXCLUSION_ERROR');

    expect({ paidIneligible: paid.length - onTarget, graduationCandidates: count('GRADUATION_CANDIDATE') > 0 }).toEqual({
      paidIneligible: count('INCLUSION_ERROR') + count('GRADUATION_CANDIDATE'),
      graduationCandidates: true,
    });
    // Exclusion errors are drawn among the eligible (paid on target, or not paid by error).
    expect(exclusions / (onTarget + exclusions)).toBeGreaterThan(TARGETING_ERROR_RATES.BLT_DD.EXCLUSION_ERROR / 3);
    expect(exclusions / (onTarget + exclusions)).toBeLessThan(TARGETING_ERROR_RATES.BLT_DD.EXCLUSION_ERROR * 3);
  });

  it('when families are generated in DKI Jakarta, then no desa pays any', () => {
    expect(generateBatch({ seed: 7, start: 0, count: 300, evaluationDate: EVALUATION_DATE }).kemendes).toEqual([]);
  });
});
