import { fullText } from '../../../subgraphs/dtsen/domain/statement';
import { detectDataQuality } from '../../../subgraphs/dtsen/domain/data-quality';
import type { HouseholdQualityRepresentation, HouseholdRepresentation } from '../../../subgraphs/dtsen/representation';
import {
  CIDENG,
  EVALUATION_DATE,
  FATHER,
  MOTHER,
  OTHER_KK,
  RULES,
  SD_PUPIL,
  activeReceipt,
  bpjsEnrolment,
  dtksFamily,
  dtksMember,
  household,
  p3keFamily,
  p3keMember,
  personSpec,
  qualityView,
  regsosekFamily,
  regsosekMember,
} from './fixtures';

function issuesOf(world: readonly HouseholdRepresentation[]) {
  return qualityView(world).map((family) =>
    detectDataQuality(family, RULES, EVALUATION_DATE).map((issue) => ({ ...issue, detail: fullText(issue.detail) })),
  );
}

const NEIGHBOUR = personSpec('Hadi', 'MALE', '1979-12-01', 1, 7);

/** A second family (OTHER_KK), held by Regsosek and DTKS, with one member. */
function neighbours(dtksExtra: ReturnType<typeof dtksMember>[] = []): HouseholdRepresentation {
  return {
    noKK: OTHER_KK,
    regsosek: regsosekFamily({ noKK: OTHER_KK, members: [regsosekMember(NEIGHBOUR, { noKK: OTHER_KK })] }),
    dtks: dtksFamily({ noKK: OTHER_KK, members: [dtksMember(NEIGHBOUR, OTHER_KK), ...dtksExtra] }),
    p3ke: null,
  };
}

describe('detectDataQuality', () => {
  it('when the registers agree on clean families, then no issue fires', () => {
    expect(issuesOf([household(), neighbours()])).toEqual([[], []]);
  });

  it('when DTKS and P3KE list a NIK with an unknown region prefix, then INVALID_NIK fires once per register', () => {
    const badNik = `9999${FATHER.nik.slice(4)}`;
    const father = { ...FATHER, nik: badNik };
    const family = household({
      dtks: dtksFamily({ members: [dtksMember(father), dtksMember(MOTHER)] }),
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER), regsosekMember(MOTHER)] }),
      p3ke: p3keFamily({ members: [p3keMember(father), p3keMember(MOTHER)] }),
    });

    expect(issuesOf([family])[0]).toEqual([
      { code: 'INVALID_NIK', sources: ['DTKS'], nik: badNik, detail: 'DTKS lists a NIK that is not valid: unknown region prefix (digits 1-6)' },
      { code: 'INVALID_NIK', sources: ['P3KE'], nik: badNik, detail: 'P3KE lists a NIK that is not valid: unknown region prefix (digits 1-6)' },
    ]);
  });

  it('when a birth date in the NIK is after the evaluation date, then INVALID_NIK fires', () => {
    const unborn = { ...FATHER, nik: '3171011512250001' };
    const family = household({ dtks: null, p3ke: null, regsosek: regsosekFamily({ members: [regsosekMember(unborn)] }) });

    expect(issuesOf([family])[0]).toEqual([
      { code: 'INVALID_NIK', sources: ['REGSOSEK'], nik: unborn.nik, detail: 'Regsosek lists a NIK that is not valid: birth date in the future' },
    ]);
  });

  it('when DTKS lists a NIK in two families, then both get DUPLICATE_NIK and the other family a KK_MISMATCH', () => {
    const impostor = dtksMember({ ...SD_PUPIL, name: 'Rudi Lain' }, OTHER_KK);

    const [ours, theirs] = issuesOf([household(), neighbours([impostor])]);

    expect({ ours, theirs }).toEqual({
      ours: [
        {
          code: 'DUPLICATE_NIK',
          sources: ['DTKS'],
          nik: SD_PUPIL.nik,
          detail: `DTKS lists this NIK under 2 KKs: 3171010101250001 and ${OTHER_KK}`,
        },
      ],
      theirs: [
        {
          code: 'DUPLICATE_NIK',
          sources: ['DTKS'],
          nik: SD_PUPIL.nik,
          detail: `DTKS lists this NIK under 2 KKs: 3171010101250001 and ${OTHER_KK}`,
        },
        {
          code: 'KK_MISMATCH',
          sources: ['DTKS', 'REGSOSEK', 'P3KE'],
          nik: SD_PUPIL.nik,
          detail: 'DTKS lists this NIK under this KK; Regsosek lists it only under 3171010101250001; P3KE lists it only under 3171010101250001',
        },
      ],
    });
  });

  it('when BPJS Kesehatan enrols a member under another KK while the family registers list them here, then KK_MISMATCH names BPJS, and the other KK gets one too', () => {
    const family = household({ bpjs: [bpjsEnrolment(FATHER, { segment: 'PPU' }), bpjsEnrolment(MOTHER, { segment: 'PPU' })] });
    const moved = { noKK: OTHER_KK, dtks: null, regsosek: null, p3ke: null, kemendes: null, bpjs: [bpjsEnrolment(SD_PUPIL, { noKK: OTHER_KK, segment: 'PBPU' })] };

    const [ours, theirs] = issuesOf([family, moved]).map((issues) => issues.filter((issue) => issue.code === 'KK_MISMATCH'));

    expect({ ours, theirs }).toEqual({
      ours: [
        {
          code: 'KK_MISMATCH',
          sources: ['DTKS', 'REGSOSEK', 'P3KE', 'BPJS'],
          nik: SD_PUPIL.nik,
          detail: `DTKS, Regsosek and P3KE list this NIK under this KK; BPJS Kesehatan lists it only under ${OTHER_KK}`,
        },
      ],
      theirs: [
        {
          code: 'KK_MISMATCH',
          sources: ['DTKS', 'REGSOSEK', 'P3KE', 'BPJS'],
          nik: SD_PUPIL.nik,
          detail: 'BPJS Kesehatan lists this NIK under this KK; DTKS lists it only under 3171010101250001; Regsosek lists it only under 3171010101250001; P3KE lists it only under 3171010101250001',
        },
      ],
    });
  });

  it('when BPJS Kesehatan enrols a NIK under two KKs, then both get DUPLICATE_NIK from BPJS', () => {
    const family = household({ bpjs: [bpjsEnrolment(FATHER)] });
    const other = {
      ...neighbours(),
      kemendes: null,
      bpjs: [bpjsEnrolment(NEIGHBOUR, { noKK: OTHER_KK }), bpjsEnrolment(FATHER, { noKK: OTHER_KK, status: 'ENDED' })],
    };

    const [ours, theirs] = issuesOf([family, other]).map((issues) => issues.filter((issue) => issue.code === 'DUPLICATE_NIK'));

    expect({ ours, theirs }).toEqual({
      ours: [{ code: 'DUPLICATE_NIK', sources: ['BPJS'], nik: FATHER.nik, detail: `BPJS Kesehatan lists this NIK under 2 KKs: 3171010101250001 and ${OTHER_KK}` }],
      theirs: [{ code: 'DUPLICATE_NIK', sources: ['BPJS'], nik: FATHER.nik, detail: `BPJS Kesehatan lists this NIK under 2 KKs: 3171010101250001 and ${OTHER_KK}` }],
    });
  });

  it('when DTKS lists the family under a new KK, then both KKs get KK_MISMATCH per member and the new KK is missing from Regsosek', () => {
    const original: HouseholdRepresentation = {
      noKK: '3171010101250001',
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER), regsosekMember(MOTHER)] }),
      dtks: null,
      p3ke: null,
    };
    const renamed: HouseholdRepresentation = {
      noKK: OTHER_KK,
      regsosek: null,
      dtks: dtksFamily({ noKK: OTHER_KK, members: [dtksMember(FATHER, OTHER_KK), dtksMember(MOTHER, OTHER_KK)] }),
      p3ke: null,
    };

    const [x, y] = issuesOf([original, renamed]);

    expect({ x, y }).toEqual({
      x: [FATHER, MOTHER].map((person) => ({
        code: 'KK_MISMATCH',
        sources: ['DTKS', 'REGSOSEK'],
        nik: person.nik,
        detail: `Regsosek lists this NIK under this KK; DTKS lists it only under ${OTHER_KK}`,
      })),
      y: [
        ...[FATHER, MOTHER].map((person) => ({
          code: 'KK_MISMATCH',
          sources: ['DTKS', 'REGSOSEK'],
          nik: person.nik,
          detail: 'DTKS lists this NIK under this KK; Regsosek lists it only under 3171010101250001',
        })),
        {
          code: 'MISSING_FROM_REGSOSEK',
          sources: ['DTKS'],
          nik: null,
          detail: 'DTKS holds this family; Regsosek does not',
        },
      ],
    });
  });

  it("when the gateway could not fill some members' KKs, then detection uses the members it has", () => {
    const impostor = dtksMember({ ...SD_PUPIL, name: 'Rudi Lain' }, OTHER_KK);
    const [ours] = qualityView([household(), neighbours([impostor])]) as [HouseholdQualityRepresentation];
    const partlyBlind: HouseholdQualityRepresentation = {
      ...ours,
      regsosek: ours.regsosek && { ...ours.regsosek, members: ours.regsosek.members.map((member) => ({ ...member, person: null })) },
      p3ke: ours.p3ke && { ...ours.p3ke, members: ours.p3ke.members.map(({ person: _unknown, ...member }) => member) },
    };

    expect(detectDataQuality(partlyBlind, RULES, EVALUATION_DATE).map((issue) => ({ ...issue, detail: fullText(issue.detail) }))).toEqual([
      {
        code: 'DUPLICATE_NIK',
        sources: ['DTKS'],
        nik: SD_PUPIL.nik,
        detail: `DTKS lists this NIK under 2 KKs: 3171010101250001 and ${OTHER_KK}`,
      },
    ]);
  });

  it('when Regsosek says desil 2 and DTKS percentile 35 (desil 4), then DESIL_CONFLICT names both', () => {
    const family = household({ dtks: dtksFamily({ welfarePercentile: 35 }), p3ke: p3keFamily({ desil: 3 }) });

    expect(issuesOf([family])[0]).toEqual([
      {
        code: 'DESIL_CONFLICT',
        sources: ['DTKS', 'REGSOSEK'],
        nik: null,
        detail: 'Desil differs by 2 or more between sources: Regsosek 2 (DTSEN ranking 2025Q4), DTKS 4 (DTKS legacy percentile 35)',
      },
    ]);
  });

  it('when Regsosek records a member as died and DTKS still lists them with an active receipt, then DECEASED_RECEIVING fires', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER, { presence: 2 }), regsosekMember(MOTHER)] }),
      dtks: dtksFamily({ members: [dtksMember(FATHER), dtksMember(MOTHER)], receipts: [activeReceipt('PKH'), activeReceipt('BPNT')] }),
      p3ke: null,
    });

    expect(issuesOf([family])[0]).toEqual([
      {
        code: 'DECEASED_RECEIVING',
        sources: ['DTKS', 'REGSOSEK'],
        nik: FATHER.nik,
        detail: 'Regsosek records this member as deceased; DTKS still lists them in the family, which has active receipts: PKH and BPNT',
      },
    ]);
  });

  it('when the deceased member is listed by DTKS but every receipt is suspended, then DECEASED_RECEIVING does not fire', () => {
    const family = household({
      regsosek: regsosekFamily({ members: [regsosekMember(FATHER, { presence: 2 }), regsosekMember(MOTHER)] }),
      dtks: dtksFamily({
        members: [dtksMember(FATHER), dtksMember(MOTHER)],
        receipts: [{ program: 'PKH', status: 'SUSPENDED', pkhComponents: [] }],
      }),
      p3ke: null,
    });

    expect(issuesOf([family])[0]).toEqual([]);
  });

  it('when DTKS and P3KE hold the family and Regsosek does not, then MISSING_FROM_REGSOSEK names both', () => {
    expect(issuesOf([household({ regsosek: null })])[0]).toEqual([
      {
        code: 'MISSING_FROM_REGSOSEK',
        sources: ['DTKS', 'P3KE'],
        nik: null,
        detail: 'DTKS and P3KE hold this family; Regsosek does not',
      },
    ]);
  });

  it('when Regsosek could not be asked, then MISSING_FROM_REGSOSEK does not fire', () => {
    const [view] = qualityView([household()]) as [HouseholdQualityRepresentation];

    expect(detectDataQuality({ ...view, regsosek: undefined }, RULES, EVALUATION_DATE)).toEqual([]);
  });

  it('when DTKS places the family in another village, then REGION_MISMATCH names every register holding it', () => {
    expect(issuesOf([household({ dtks: dtksFamily({ regionCode: CIDENG }) })])[0]).toEqual([
      {
        code: 'REGION_MISMATCH',
        sources: ['DTKS', 'REGSOSEK', 'P3KE'],
        nik: null,
        detail: 'Region codes differ: DTKS 3171011002, Regsosek 3171011001, P3KE 3171011001',
      },
    ]);
  });
});
