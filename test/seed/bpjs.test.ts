import { generateBatch } from '../../seed/generator';

const EVALUATION_DATE = new Date('2026-11-28T00:00:00Z');
const FAMILIES = 400;

describe("the seeder's BPJS enrolments", () => {
  it('when no PBI-JK error is asked for, then the truth has no inclusion or exclusion error nor graduation candidate and DTKS disagrees with BPJS only in families with a defect', () => {
    const batch = generateBatch({
      seed: 3,
      start: 0,
      count: FAMILIES,
      evaluationDate: EVALUATION_DATE,
      pbiJkErrors: { inclusion: 0, exclusion: 0, dtksDisagreement: 0, graduation: 0 },
    });
    const statuses = new Set(batch.truth.flatMap((line) => (line.targeting ?? []).map((entry) => entry.status)));
    const mismatchesWithoutOtherDefect = batch.truth.filter(
      (line) => line.defects.length === 1 && line.defects[0]?.code === 'PBI_JK_RECEIPT_MISMATCH',
    );

    expect({ statuses: [...statuses].sort(), mismatchesWithoutOtherDefect }).toEqual({ statuses: ['NOT_TARGETED', 'ON_TARGET'], mismatchesWithoutOtherDefect: [] });
  });

  it('when every family is drawn, then each enrolment keeps BPJS\'s own rules: enrolled unless ENDED, PBI in class III, never before JKN or the birth', () => {
    const batch = generateBatch({ seed: 3, start: 0, count: FAMILIES, evaluationDate: EVALUATION_DATE });
    const broken = batch.bpjs
      .flatMap((family) => family.members)
      .filter(
        (member) =>
          member.enrolled !== (member.status !== 'ENDED') ||
          (member.segment.startsWith('PBI_') && member.class !== 3) ||
          member.since < '2014-01' ||
          member.since < member.birthDate.slice(0, 7),
      );

    expect({ enrolments: batch.bpjs.length > FAMILIES / 2, broken }).toEqual({ enrolments: true, broken: [] });
  });
});
