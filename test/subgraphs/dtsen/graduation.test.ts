import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import { desilCutOff } from '../../../subgraphs/dtsen/domain/eligibility/desil-cut-off';
import { PROGRAMMES } from '../../../common/programmes';
import { DESA, EVALUATION_DATE, FATHER, MOTHER, RULES, SD_PUPIL, activeReceipt, asRead, bltDdReceipt, bpjsEnrolment, dtksFamily, household, p3keFamily, pupil, regsosekFamily, regsosekMember } from './fixtures';

const ranked = (desil: number) => ({ desil, percentile: desil * 10 - 4, version: '2025Q4', rankedAt: '2025-10-01' });
const targetingOf = (family: ReturnType<typeof household>, program: string) =>
  asRead(resolveHousehold(family, RULES, EVALUATION_DATE).targeting.find((entry) => entry.program === program));

describe('graduation candidates', () => {
  it('when a family receiving PKH meets every PKH condition but its desil 6 is above the cut-off of 4, then PKH is GRADUATION_CANDIDATE with a reason for the ground check', () => {
    const family = household({ regsosek: regsosekFamily({ ranking: ranked(6) }), dtks: dtksFamily({ receipts: [activeReceipt('PKH')] }) });

    expect(targetingOf(family, 'PKH')).toEqual({
      program: 'PKH',
      receiving: true,
      receiptSource: 'DTKS',
      eligible: false,
      status: 'GRADUATION_CANDIDATE',
      complete: true,
      reasons: ["Receives PKH (DTKS) while its desil 6 is above PKH's cut-off of 4: a candidate for graduation; check on the ground"],
    });
  });

  it('when a family receiving PKH is above the cut-off and also owns a car, then PKH stays an INCLUSION_ERROR', () => {
    const family = household({
      regsosek: regsosekFamily({ ranking: ranked(6), assets: { car: true } }),
      dtks: dtksFamily({ receipts: [activeReceipt('PKH')] }),
    });

    expect(targetingOf(family, 'PKH')?.status).toBe('INCLUSION_ERROR');
  });

  it('when a family of adults receives PKH above the cut-off, then no PKH component would be met at the cut-off either, and it stays an INCLUSION_ERROR', () => {
    const family = household({
      regsosek: regsosekFamily({ ranking: ranked(6), members: [regsosekMember(FATHER), regsosekMember(MOTHER)] }),
      dtks: dtksFamily({ receipts: [activeReceipt('PKH')], members: [] }),
      p3ke: null,
    });

    expect(targetingOf(family, 'PKH')?.status).toBe('INCLUSION_ERROR');
  });

  it('when no register ranks a family receiving BPNT, then nothing says its circumstances improved and BPNT stays an INCLUSION_ERROR', () => {
    const family = household({
      regsosek: regsosekFamily({ ranking: null }),
      dtks: dtksFamily({ welfarePercentile: null, receipts: [activeReceipt('BPNT')] }),
      p3ke: null,
    });

    expect(targetingOf(family, 'BPNT')).toMatchObject({ eligible: false, status: 'INCLUSION_ERROR' });
  });

  it('when a family receiving BPNT is within the cut-off but excluded by its electricity, then BPNT stays an INCLUSION_ERROR', () => {
    const family = household({ regsosek: regsosekFamily({ housing: { installedPower: 5 } }), dtks: dtksFamily({ receipts: [activeReceipt('BPNT')] }) });

    expect(targetingOf(family, 'BPNT')?.status).toBe('INCLUSION_ERROR');
  });

  it('when BPJS enrols members of a desil-6 family as PBI, then PBI-JK (cut-off 5) is GRADUATION_CANDIDATE, read from BPJS Kesehatan', () => {
    const family = household({ regsosek: regsosekFamily({ ranking: ranked(6) }), bpjs: [bpjsEnrolment(FATHER)] });

    expect(targetingOf(family, 'PBI_JK')?.reasons).toEqual([
      "Receives PBI-JK (BPJS Kesehatan) while its desil 6 is above PBI-JK's cut-off of 5: a candidate for graduation; check on the ground",
    ]);
  });

  it('when a desil-5 family with a pupil receives PIP and neither receives nor is eligible for PKH, then PIP is GRADUATION_CANDIDATE', () => {
    const family = household({
      regsosek: regsosekFamily({ ranking: ranked(5), members: [regsosekMember(FATHER), regsosekMember(MOTHER), pupil(SD_PUPIL, 'SD')] }),
      dtks: dtksFamily({ receipts: [activeReceipt('PIP')], members: [] }),
      p3ke: null,
    });

    expect(targetingOf(family, 'PIP')?.status).toBe('GRADUATION_CANDIDATE');
  });

  it('when a desa pays BLT-DD to a desil-3 family that P3KE does not flag as extremely poor and that receives neither PKH nor BPNT, then BLT-DD is GRADUATION_CANDIDATE against its extreme-poverty desil', () => {
    const family = household({
      regsosek: regsosekFamily({ regionCode: DESA, ranking: ranked(3) }),
      dtks: dtksFamily({ regionCode: DESA, receipts: [] }),
      p3ke: p3keFamily({ regionCode: DESA, desil: 3, extremePoor: false }),
      kemendes: bltDdReceipt(),
    });

    expect(targetingOf(family, 'BLT_DD')?.reasons).toEqual([
      "Receives BLT-DD (Kemendes) while its desil 3 is above BLT-DD's cut-off of 1: a candidate for graduation; check on the ground",
    ]);
  });

  it('when the rule set 2025 is read, then every programme has a desil cut-off: maxDesil, and for BLT-DD the extreme-poverty desil', () => {
    expect(Object.fromEntries(PROGRAMMES.map((program) => [program, desilCutOff(RULES, program)]))).toEqual({ PKH: 4, BPNT: 4, PBI_JK: 5, PIP: 4, BLT_DD: 1 });
  });

  it('when a programme has no desil criterion, then it has no cut-off, and so no graduation candidates', () => {
    const withoutCriterion = { ...RULES, programs: { ...RULES.programs, BPNT: { applyExclusions: true, monthlyAmount: 200_000 } } } as unknown as typeof RULES;

    expect(desilCutOff(withoutCriterion, 'BPNT')).toBeNull();
  });
});
