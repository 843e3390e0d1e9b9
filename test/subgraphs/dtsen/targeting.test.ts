import { resolveHousehold } from '../../../subgraphs/dtsen/domain/household';
import { detectDataQuality } from '../../../subgraphs/dtsen/domain/data-quality';
import { fullText } from '../../../subgraphs/dtsen/domain/statement';
import { EVALUATION_DATE, FATHER, MOTHER, RULES, TODDLER, activeReceipt, bpjsEnrolment, dtksFamily, household, regsosekFamily, regsosekMember } from './fixtures';

describe('targeting', () => {
  it('when a desil-2 family receives PKH and PBI-JK, then PKH and PBI-JK are on target and BPNT and PIP are exclusion errors', () => {
    const family = household({
      dtks: dtksFamily({ receipts: [activeReceipt('PKH'), activeReceipt('PBI_JK')] }),
      bpjs: [bpjsEnrolment(FATHER), bpjsEnrolment(MOTHER, { segment: 'PBI_APBD' })],
    });

    expect(resolveHousehold(family, RULES, EVALUATION_DATE).targeting).toEqual([
      { program: 'PKH', receiving: true, receiptSource: 'DTKS', eligible: true, status: 'ON_TARGET', complete: true },
      { program: 'BPNT', receiving: false, receiptSource: 'DTKS', eligible: true, status: 'EXCLUSION_ERROR', complete: true },
      { program: 'PBI_JK', receiving: true, receiptSource: 'BPJS', eligible: true, status: 'ON_TARGET', complete: true },
      { program: 'PIP', receiving: false, receiptSource: 'DTKS', eligible: true, status: 'EXCLUSION_ERROR', complete: true },
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
      { program: 'PKH', receiving: false, receiptSource: 'DTKS', eligible: false, status: 'NOT_TARGETED', complete: true },
      { program: 'BPNT', receiving: true, receiptSource: 'DTKS', eligible: false, status: 'INCLUSION_ERROR', complete: true },
      { program: 'PBI_JK', receiving: false, receiptSource: 'BPJS', eligible: false, status: 'NOT_TARGETED', complete: true },
      { program: 'PIP', receiving: false, receiptSource: 'DTKS', eligible: false, status: 'NOT_TARGETED', complete: true },
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

    expect(pbiJk(family)).toEqual({ program: 'PBI_JK', receiving: false, receiptSource: 'BPJS', eligible: true, status: 'EXCLUSION_ERROR', complete: true });
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

  it('when BPJS enrols two members as PBI and DTKS records no PBI-JK receipt, then the mismatch names the members', () => {
    const family = household({ bpjs: [bpjsEnrolment(FATHER), bpjsEnrolment(MOTHER)] });

    expect(detectDataQuality(family, RULES, EVALUATION_DATE).map((issue) => fullText(issue.detail))).toEqual([
      `BPJS Kesehatan lists 2 members enrolled as PBI: ${FATHER.nik} and ${MOTHER.nik}; DTKS records no active PBI-JK receipt`,
    ]);
  });
});
