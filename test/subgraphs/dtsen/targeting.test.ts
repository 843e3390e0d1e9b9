import { eligibilityWithoutSensitiveData, resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import { detectDataQuality } from '../../../subgraphs/dtsen/domain/data-quality';
import { fullText } from '../../../subgraphs/dtsen/domain/statement';
import { DESA, EVALUATION_DATE, asRead, FATHER, MOTHER, RULES, TODDLER, activeReceipt, bltDdReceipt, bpjsEnrolment, dtksFamily, household, p3keFamily, regsosekFamily, regsosekMember } from './fixtures';

describe('targeting', () => {
  it('when a desil-2 family receives PKH and PBI-JK, then PKH and PBI-JK are on target and BPNT and PIP are exclusion errors', () => {
    const family = household({
      dtks: dtksFamily({ receipts: [activeReceipt('PKH'), activeReceipt('PBI_JK')] }),
      bpjs: [bpjsEnrolment(FATHER), bpjsEnrolment(MOTHER, { segment: 'PBI_APBD' })],
    });

    expect(resolveHousehold(family, RULES, EVALUATION_DATE).targeting.map(asRead)).toEqual([
      { program: 'PKH', receiving: true, receiptSource: 'DTKS', eligible: true, status: 'ON_TARGET', complete: true, reasons: ['Receives PKH (DTKS) and is eligible for it'] },
      { program: 'BPNT', receiving: false, receiptSource: 'DTKS', eligible: true, status: 'EXCLUSION_ERROR', complete: true, reasons: ['Is eligible for BPNT but does not receive it (DTKS)'] },
      { program: 'PBI_JK', receiving: true, receiptSource: 'BPJS', eligible: true, status: 'ON_TARGET', complete: true, reasons: ['Receives PBI-JK (BPJS Kesehatan) and is eligible for it'] },
      { program: 'PIP', receiving: false, receiptSource: 'DTKS', eligible: true, status: 'EXCLUSION_ERROR', complete: true, reasons: ['Is eligible for PIP but does not receive it (DTKS)'] },
      { program: 'BLT_DD', receiving: false, receiptSource: 'KEMENDES', eligible: false, status: 'NOT_TARGETED', complete: true, reasons: ['Neither receives BLT-DD (Kemendes) nor is eligible for it'] },
    ]);
  });

  it('when a desil-7 family of adults receives BPNT and has a suspended PKH receipt, then BPNT is a graduation candidate and the rest not targeted', () => {
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

    expect(resolveHousehold(family, RULES, EVALUATION_DATE).targeting.map((entry) => [entry.program, entry.status])).toEqual([
      ['PKH', 'NOT_TARGETED'],
      ['BPNT', 'GRADUATION_CANDIDATE'],
      ['PBI_JK', 'NOT_TARGETED'],
      ['PIP', 'NOT_TARGETED'],
      ['BLT_DD', 'NOT_TARGETED'],
    ]);
  });
});

describe('PBI-JK receipt from BPJS Kesehatan', () => {
  const pbiJk = (family: ReturnType<typeof household>) =>
    resolveHousehold(family, RULES, EVALUATION_DATE).targeting.find((entry) => entry.program === 'PBI_JK');

  it('when DTKS records PBI-JK but BPJS lists only suspended, self-paid and ended enrolments, then the eligible family is an exclusion error', () => {
    const family = household({
      dtks: dtksFamily({ receipts: [activeReceipt('PBI_JK')] }),
      bpjs: [
        bpjsEnrolment(FATHER, { status: 'SUSPENDED' }),
        bpjsEnrolment(MOTHER, { segment: 'PBPU' }),
        bpjsEnrolment(TODDLER, { status: 'ENDED' }),
      ],
    });

    expect(asRead(pbiJk(family))).toEqual({
      program: 'PBI_JK',
      receiving: false,
      receiptSource: 'BPJS',
      eligible: true,
      status: 'EXCLUSION_ERROR',
      complete: true,
      reasons: ['Is eligible for PBI-JK but does not receive it (BPJS Kesehatan)'],
    });
  });

  it('when BPJS enrols as PBI a member Regsosek records as died, then that enrolment is no receipt', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER), { ...regsosekMember(MOTHER), presence: 2 }] }),
      bpjs: [bpjsEnrolment(MOTHER)],
    });

    expect(pbiJk(family)?.receiving).toBe(false);
  });

  it('when BPJS could not be asked, then PBI-JK receipt is read from DTKS and only PBI-JK targeting is incomplete', () => {
    const { bpjs: _unasked, ...family } = household({ dtks: dtksFamily({ receipts: [activeReceipt('PBI_JK')] }) });
    const resolved = resolveHousehold(family, RULES, EVALUATION_DATE);

    expect(resolved.targeting.map((entry) => [entry.program, entry.receiptSource, entry.receiving, entry.complete])).toEqual([
      ['PKH', 'DTKS', false, true],
      ['BPNT', 'DTKS', false, true],
      ['PBI_JK', 'DTKS', true, false],
      ['PIP', 'DTKS', false, true],
      ['BLT_DD', 'KEMENDES', false, true],
    ]);
    expect(resolved.eligibility.every((entry) => entry.complete)).toBe(true);
    expect(resolved.eligibility.find((entry) => entry.program === 'PBI_JK')?.reasons.map(fullText)).toContain(
      'BPJS Kesehatan could not be asked; PBI-JK receipt is read from DTKS',
    );
  });

  it('when DTKS records an active PBI-JK receipt and BPJS no PBI enrolment, then the data-quality check reports PBI_JK_RECEIPT_MISMATCH naming both', () => {
    const family = household({ dtks: dtksFamily({ receipts: [activeReceipt('PBI_JK')] }), bpjs: [bpjsEnrolment(FATHER, { segment: 'PPU' })] });

    expect(detectDataQuality(family, RULES, EVALUATION_DATE).map((issue) => ({ ...issue, detail: fullText(issue.detail) }))).toEqual([
      {
        code: 'PBI_JK_RECEIPT_MISMATCH',
        sources: ['DTKS', 'BPJS'],
        nik: null,
        detail: 'DTKS records an active PBI-JK receipt; BPJS Kesehatan lists no living member with an active PBI enrolment',
      },
    ]);
  });

  it('when BPJS enrols two members as PBI and DTKS records no PBI-JK receipt, then the mismatch says so of the family, naming no member (their insurance is sensitive)', () => {
    const family = household({ bpjs: [bpjsEnrolment(FATHER), bpjsEnrolment(MOTHER)] });

    expect(detectDataQuality(family, RULES, EVALUATION_DATE).map((issue) => fullText(issue.detail))).toEqual([
      'BPJS Kesehatan lists a living member with an active PBI enrolment; DTKS records no active PBI-JK receipt',
    ]);
  });

  it('when a reader without the sensitive scope is told PBI-JK, then its reasons name no member BPJS enrols as PBI, while a reader with it is told them', () => {
    const family = household({ bpjs: [bpjsEnrolment(FATHER), bpjsEnrolment(MOTHER)] });
    const full = resolveHousehold(family, RULES, EVALUATION_DATE);
    const bpjsReason = (entries: typeof full.eligibility) =>
      entries.find((entry) => entry.program === 'PBI_JK')?.reasons.map(fullText).find((reason) => reason.includes('BPJS Kesehatan'));

    expect({
      sensitive: bpjsReason(full.eligibility),
      withoutSensitive: bpjsReason(eligibilityWithoutSensitiveData(family, RULES, EVALUATION_DATE, full)),
    }).toEqual({
      sensitive: `BPJS Kesehatan lists 2 members enrolled as PBI: ${FATHER.nik} and ${MOTHER.nik}`,
      withoutSensitive: 'Which members BPJS Kesehatan enrols as PBI is sensitive data and is not shown here',
    });
  });
});

describe('BLT Dana Desa receipt from Kemendes', () => {
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
    expect(asRead(bltDdTargeting(eligibleForBltDd(bltDdReceipt())))).toEqual({
      program: 'BLT_DD',
      receiving: true,
      receiptSource: 'KEMENDES',
      eligible: true,
      status: 'ON_TARGET',
      complete: true,
      reasons: ['Receives BLT-DD (Kemendes) and is eligible for it'],
    });
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

    expect(asRead(bltDdTargeting(family))).toEqual({
      program: 'BLT_DD',
      receiving: true,
      receiptSource: 'KEMENDES',
      eligible: false,
      status: 'INCLUSION_ERROR',
      complete: true,
      reasons: ['Receives BLT-DD (Kemendes) but is not eligible for it: see its eligibility reasons'],
    });
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
