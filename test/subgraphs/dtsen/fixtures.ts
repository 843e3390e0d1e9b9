import { fullText, type Statement } from '../../../subgraphs/dtsen/domain/statement';
// Builders of the representations the gateway sends to the dtsen subgraph, for a small world of
// families. Everything defaults to a clean, poor family in Gambir (Jakarta Pusat); tests override
// only what their behaviour is about.
import type { Sex } from '../../../common/identifiers';
import type {
  BpjsEnrolmentRepresentation,
  DtksFamilyRepresentation,
  DtksMemberRepresentation,
  HouseholdInput,
  HouseholdQualityRepresentation,
  HouseholdRepresentation,
  KemendesReceiptRepresentation,
  PersonKKsInput,
  P3keFamilyRepresentation,
  P3keMemberRepresentation,
  PersonKKsRepresentation,
  RegsosekFamilyRepresentation,
  RegsosekMemberRepresentation,
} from '../../../subgraphs/dtsen/representation';
import { loadRuleSet } from '../../../subgraphs/dtsen/rules/rule-set';
import type { RuleSet } from '../../../subgraphs/dtsen/rules/rule-set';

export const RULES: RuleSet = loadRuleSet('2025');
export const EVALUATION_DATE = new Date('2025-07-01T00:00:00Z');

export const KK = '3171010101250001';
export const OTHER_KK = '3171010101250002';
export const GAMBIR = '3171011001';
export const CIDENG = '3171011002';
/** A desa in Kabupaten Cilacap (village digit 7 is 2). */
export const DESA = '3301012001';

export interface PersonSpec {
  readonly nik: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
}

/** A structurally valid NIK registered in Gambir: birth date DDMMYY (day + 40 for women) and a serial. */
export function nikOf(birthDate: string, sex: Sex, serial: number, district = '317101'): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const encodedDay = String(Number(day) + (sex === 'FEMALE' ? 40 : 0)).padStart(2, '0');
  return `${district}${encodedDay}${month}${year.slice(2)}${String(serial).padStart(4, '0')}`;
}

export function personSpec(name: string, sex: Sex, birthDate: string, relationship: number, serial = 1): PersonSpec {
  return { nik: nikOf(birthDate, sex, serial), name, sex, birthDate, relationship };
}

export const FATHER = personSpec('Budi', 'MALE', '1985-03-12', 1);
export const MOTHER = personSpec('Siti', 'FEMALE', '1988-08-20', 2);
/** Aged 4 at the evaluation date. */
export const TODDLER = personSpec('Ayu', 'FEMALE', '2021-02-05', 3);
/** Aged 10, in SD. */
export const SD_PUPIL = personSpec('Rudi', 'MALE', '2015-01-15', 3);
/** Aged 14, in SMP. */
export const SMP_PUPIL = personSpec('Dewi', 'FEMALE', '2010-11-30', 3);

export const NO_DIFFICULTY = {
  vision: 4,
  hearing: 4,
  walking: 4,
  hands: 4,
  learning: 4,
  behaviour: 4,
  communication: 4,
  selfCare: 4,
};

/** Regsosek's record: lives here, not in school, casual non-agricultural work, PBI insured, no difficulty. */
export function regsosekMember(
  person: PersonSpec,
  overrides: Partial<RegsosekMemberRepresentation> = {},
): RegsosekMemberRepresentation {
  return {
    nik: person.nik,
    noKK: KK,
    name: person.name,
    sex: person.sex,
    birthDate: person.birthDate,
    relationship: person.relationship,
    presence: 1,
    schoolParticipation: 3,
    schoolLevel: 'SD',
    employmentStatus: 7,
    difficulty: NO_DIFFICULTY,
    healthInsurance: 1,
    pregnant: false,
    ...overrides,
  };
}

export function pupil(person: PersonSpec, level: 'SD' | 'SMP' | 'SMA' | 'HIGHER'): RegsosekMemberRepresentation {
  return regsosekMember(person, { schoolParticipation: 2, schoolLevel: level, employmentStatus: null });
}

export function dtksMember(person: PersonSpec, noKK = KK): DtksMemberRepresentation {
  return { nik: person.nik, noKK, name: person.name, sex: person.sex, birthDate: person.birthDate, relationship: person.relationship };
}

export function p3keMember(person: PersonSpec, inSchool = false, noKK = KK): P3keMemberRepresentation {
  return {
    nik: person.nik,
    noKK,
    name: person.name,
    sex: person.sex,
    birthDate: person.birthDate,
    relationship: person.relationship,
    inSchool,
  };
}

export const FAMILY: readonly PersonSpec[] = [FATHER, MOTHER, TODDLER, SD_PUPIL, SMP_PUPIL];

/** Ranked desil 2 (2025Q4), 900 VA, no car; the five members of FAMILY, schooling as their names say. */
export function regsosekFamily(overrides: Partial<RegsosekFamilyRepresentation> = {}): RegsosekFamilyRepresentation {
  return {
    noKK: KK,
    regionCode: GAMBIR,
    housing: { installedPower: 2 },
    assets: { car: false },
    ranking: { desil: 2, percentile: 14, version: '2025Q4', rankedAt: '2025-10-01' },
    members: [
      regsosekMember(FATHER),
      regsosekMember(MOTHER, { employmentStatus: null }),
      regsosekMember(TODDLER, { schoolParticipation: 1, schoolLevel: null, employmentStatus: null }),
      pupil(SD_PUPIL, 'SD'),
      pupil(SMP_PUPIL, 'SMP'),
    ],
    ...overrides,
  };
}

/** Legacy percentile 15 (desil 2); no receipts. */
export function dtksFamily(overrides: Partial<DtksFamilyRepresentation> = {}): DtksFamilyRepresentation {
  return {
    noKK: KK,
    regionCode: GAMBIR,
    active: true,
    welfarePercentile: 15,
    receipts: [],
    members: FAMILY.map((person) => dtksMember(person)),
    ...overrides,
  };
}

/** P3KE desil 2, not extremely poor. */
export function p3keFamily(overrides: Partial<P3keFamilyRepresentation> = {}): P3keFamilyRepresentation {
  return {
    noKK: KK,
    regionCode: GAMBIR,
    desil: 2,
    extremePoor: false,
    members: FAMILY.map((person) => p3keMember(person, person === SD_PUPIL || person === SMP_PUPIL)),
    ...overrides,
  };
}

/** A family all three registers hold consistently. */
/** Kemendes does not list the family unless a test says so (a BLT Dana Desa receipt is the exception). */
export function household(overrides: Partial<HouseholdRepresentation> = {}): HouseholdRepresentation {
  return { noKK: KK, dtks: dtksFamily(), regsosek: regsosekFamily(), p3ke: p3keFamily(), kemendes: null, bpjs: [], ...overrides };
}

/** BPJS Kesehatan's enrolment of a person under the family's KK (default: active PBI paid by the central budget). */
export function bpjsEnrolment(person: PersonSpec, overrides: Partial<BpjsEnrolmentRepresentation> = {}): BpjsEnrolmentRepresentation {
  return { nik: person.nik, noKK: KK, since: '2021-04', status: 'ACTIVE', segment: 'PBI_APBN', ...overrides };
}

/** An ACTIVE BLT Dana Desa receipt of the family, paid by a desa since March 2025. */
export function bltDdReceipt(overrides: Partial<KemendesReceiptRepresentation> = {}): KemendesReceiptRepresentation {
  return { noKK: KK, regionCode: DESA, since: '2025-03', status: 'ACTIVE', monthlyAmount: 300_000, ...overrides };
}

export function activeReceipt(program: 'PKH' | 'BPNT' | 'PBI_JK' | 'PIP') {
  return { program, status: 'ACTIVE' as const, pkhComponents: [] };
}

/**
 * The households as `Household.dataQuality` receives them: each member record carries the KKs
 * under which every register of this world lists its NIK.
 */
export function qualityView(world: readonly HouseholdRepresentation[]): HouseholdQualityRepresentation[] {
  const kks = { dtks: new Map<string, string[]>(), regsosek: new Map<string, string[]>(), p3ke: new Map<string, string[]>(), bpjs: new Map<string, string[]>() };
  const list = (register: keyof typeof kks, member: { readonly nik: string; readonly noKK: string }) => {
    const listed = kks[register].get(member.nik) ?? [];
    listed.push(member.noKK);
    kks[register].set(member.nik, listed);
  };
  for (const family of world) {
    for (const register of ['dtks', 'regsosek', 'p3ke'] as const) {
      for (const member of family[register]?.members ?? []) list(register, member);
    }
    for (const enrolment of family.bpjs ?? []) list('bpjs', enrolment);
  }
  const personOf = (nik: string): PersonKKsRepresentation => ({
    dtksRecords: (kks.dtks.get(nik) ?? []).map((noKK) => ({ noKK })),
    regsosekRecords: (kks.regsosek.get(nik) ?? []).map((noKK) => ({ noKK })),
    p3keRecords: (kks.p3ke.get(nik) ?? []).map((noKK) => ({ noKK })),
    bpjsRecords: (kks.bpjs.get(nik) ?? []).map((noKK) => ({ noKK })),
  });
  return world.map((family) => ({
    noKK: family.noKK,
    dtks: family.dtks && { ...family.dtks, members: family.dtks.members.map((member) => ({ ...member, person: personOf(member.nik) })) },
    regsosek: family.regsosek && {
      ...family.regsosek,
      members: family.regsosek.members.map((member) => ({ ...member, person: personOf(member.nik) })),
    },
    p3ke: family.p3ke && { ...family.p3ke, members: family.p3ke.members.map((member) => ({ ...member, person: personOf(member.nik) })) },
    kemendes: family.kemendes,
    ...('bpjs' in family ? { bpjs: family.bpjs?.map((enrolment) => ({ ...enrolment, person: personOf(enrolment.nik) })) } : {}),
  }));
}

function personKKsInput(person: PersonKKsRepresentation | null | undefined): PersonKKsInput | null | undefined {
  if (!person) return person;
  return {
    dtksInputRecords: person.dtksRecords,
    regsosekInputRecords: person.regsosekRecords,
    p3keInputRecords: person.p3keRecords,
    bpjsInputRecords: person.bpjsRecords,
  };
}

function memberInput<M extends { readonly person?: PersonKKsRepresentation | null }>(member: M) {
  return { ...member, person: personKKsInput(member.person) };
}

/** A household view as the gateway sends it to the dtsen subgraph: under the registers' `…Input` fields. */
export function householdInput(view: HouseholdQualityRepresentation): HouseholdInput {
  return {
    noKK: view.noKK,
    dtksInput: view.dtks && { ...view.dtks, members: view.dtks.members.map(memberInput) },
    regsosekInput: view.regsosek && { ...view.regsosek, members: view.regsosek.members.map(memberInput) },
    p3keInput: view.p3ke && { ...view.p3ke, members: view.p3ke.members.map(memberInput) },
    kemendesInput: view.kemendes,
    ...(view.bpjs === undefined ? {} : { bpjsInput: view.bpjs.map(memberInput) }),
  };
}

/** An eligibility entry as a caseworker with every scope reads it: its reasons as text. */
export function asRead<Entry extends { readonly reasons: readonly Statement[] }>(entry: Entry | undefined) {
  return entry && { ...entry, reasons: entry.reasons.map(fullText) };
}
