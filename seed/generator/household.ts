import type { Sex } from '../../common/identifiers';
import type { RegsosekDifficultyRecord, RegsosekMemberRecord, SchoolLevel } from '../../subgraphs/regsosek/subgraph';
import { type CalendarDate, isoDate } from './calendar';
import { birthDateOf, fitAge, NIK_SLOTS_PER_SEX, nikOf, type PersonNumbering } from './identity';
import { FEMALE_GIVEN_NAMES, FEMALE_SECOND_NAMES, MALE_GIVEN_NAMES, MALE_SECOND_NAMES, MARGA } from './names';
import type { Random } from './random';
import type { SeedRegion } from './regions';
import type { Welfare } from './welfare';

/** What is true about one member: the Regsosek member record without its KK, plus the age. */
export interface Person extends Omit<RegsosekMemberRecord, 'noKK'> {
  readonly age: number;
}

export interface HouseholdContext {
  readonly familyIndex: number;
  readonly numbering: PersonNumbering;
  readonly evaluation: CalendarDate;
  readonly random: Random;
  readonly districtCode: string;
  readonly region: SeedRegion;
  readonly welfare: Welfare;
  readonly island: boolean;
}

export const RELATIONSHIP = {
  head: 1,
  spouse: 2,
  child: 3,
  childInLaw: 4,
  grandchild: 5,
  parent: 6,
  householdHelp: 7,
  other: 8,
} as const;

export const PRESENCE = { living: 1, died: 2, movedWithinIndonesia: 3, movedAbroad: 4, newMember: 5, notFound: 6 } as const;

/** Presence codes of members who live in the household (new members included). */
export function isLiving(person: { readonly presence: number }): boolean {
  return person.presence === PRESENCE.living || person.presence === PRESENCE.newMember;
}

type Composition = 'single' | 'couple' | 'nuclear' | 'singleParent' | 'extended';
const COMPOSITIONS: readonly Composition[] = ['single', 'couple', 'nuclear', 'singleParent', 'extended'];
const PRESENCE_CODES = [
  PRESENCE.died,
  PRESENCE.movedWithinIndonesia,
  PRESENCE.movedAbroad,
  PRESENCE.newMember,
  PRESENCE.notFound,
  PRESENCE.living,
];
const SCHOOL_LEVELS: readonly SchoolLevel[] = ['HIGHER', 'SMA', 'SMP', 'SD'];
/** 1 own-account … 5 civil servant/army/police/state enterprise … 8 unpaid family worker. */
const EMPLOYMENT_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8];

interface Drafted {
  readonly sex: Sex;
  readonly relationship: number;
  readonly age: number;
  readonly birthDate: CalendarDate;
  readonly serial: number;
}

const otherSex = (sex: Sex): Sex => (sex === 'MALE' ? 'FEMALE' : 'MALE');
const average = (random: Random, low: number, high: number): number => (random.int(low, high) + random.int(low, high)) / 2;

/**
 * The members of one family: a head, usually a spouse and children whose ages fit their mother's,
 * sometimes a grandparent, a child-in-law with grandchildren, another relative or household help.
 */
export function drawMembers(context: HouseholdContext): Person[] {
  const { random, welfare } = context;
  const slotsUsed: Record<Sex, number> = { MALE: 0, FEMALE: 0 };
  const drafted: Drafted[] = [];

  function add(sex: Sex, flexibleSex: boolean, relationship: number, wanted: number, low: number, high: number): Drafted | null {
    let chosen = sex;
    if (slotsUsed[chosen] >= NIK_SLOTS_PER_SEX) {
      if (!flexibleSex || slotsUsed[otherSex(chosen)] >= NIK_SLOTS_PER_SEX) return null;
      chosen = otherSex(chosen);
    }
    if (low > high) return null;
    const slot = context.numbering.slot(context.familyIndex, chosen, slotsUsed[chosen]);
    const age = fitAge(slot, wanted, low, high, context.evaluation, random);
    if (age === null) return null;
    slotsUsed[chosen] += 1;
    const member = { sex: chosen, relationship, age, birthDate: birthDateOf(slot, age, context.evaluation), serial: slot.serial };
    drafted.push(member);
    return member;
  }

  const poor = welfare.desil <= 4;
  const composition = random.choose(COMPOSITIONS, [0.16, 0.14, 0.47, 0.1, poor ? 0.18 : 0.12]);

  const headSex: Sex = random.chance({ single: 0.55, couple: 0.95, nuclear: 0.93, singleParent: 0.25, extended: 0.85 }[composition])
    ? 'MALE'
    : 'FEMALE';
  const head = add(headSex, false, RELATIONSHIP.head, headAgeWanted(random, composition), 18, 95);
  // The range spans both birth-year parities, so an age always fits.
  if (!head) throw new Error(`family ${context.familyIndex}: no age fits the head's NIK slot`);

  const spouse =
    composition === 'couple' || composition === 'nuclear' || (composition === 'extended' && random.chance(0.85))
      ? add(
          otherSex(head.sex),
          false,
          RELATIONSHIP.spouse,
          head.age + (head.sex === 'MALE' ? -3 : 3) + random.normal() * 3,
          Math.max(17, head.age - 15),
          Math.min(95, head.age + 10),
        )
      : null;

  const mother = [head, spouse].find((member) => member?.sex === 'FEMALE') ?? null;
  const parentAge = mother?.age ?? head.age - 2;
  const childCount =
    composition === 'nuclear'
      ? random.choose([1, 2, 3, 4, 5], poor ? [0.22, 0.35, 0.26, 0.12, 0.05] : [0.34, 0.4, 0.19, 0.06, 0.01])
      : composition === 'singleParent'
        ? random.choose([1, 2, 3, 4], [0.45, 0.35, 0.15, 0.05])
        : composition === 'extended'
          ? random.choose([0, 1, 2, 3], [0.1, 0.35, 0.35, 0.2])
          : 0;
  const youngestChild = Math.max(0, parentAge - 45);
  const oldestChild = Math.min(parentAge - 17, 35);
  const children: Drafted[] = [];
  const childAges = Array.from({ length: childCount }, () => random.int(youngestChild, Math.max(youngestChild, oldestChild))).sort(
    (a, b) => b - a,
  );
  for (const wanted of childAges) {
    const child = add(random.chance(0.51) ? 'MALE' : 'FEMALE', true, RELATIONSHIP.child, wanted, youngestChild, oldestChild);
    if (child) children.push(child);
  }

  if (composition === 'extended') {
    if (random.chance(0.65) && head.age + 16 <= 95) {
      add(random.chance(0.65) ? 'FEMALE' : 'MALE', true, RELATIONSHIP.parent, head.age + 25 + random.normal() * 4, head.age + 16, 95);
    }
    const adultChild = children.find((child) => child.age >= 20);
    if (adultChild && random.chance(0.45)) {
      const inLaw = add(otherSex(adultChild.sex), false, RELATIONSHIP.childInLaw, adultChild.age, 18, adultChild.age + 8);
      const youngestParent = Math.min(adultChild.age, inLaw?.age ?? adultChild.age);
      const grandchildren = random.choose([1, 2, 3], [0.55, 0.35, 0.1]);
      for (let n = 0; n < grandchildren && youngestParent >= 18; n += 1) {
        add(random.chance(0.51) ? 'MALE' : 'FEMALE', true, RELATIONSHIP.grandchild, random.int(0, youngestParent - 18), 0, youngestParent - 18);
      }
    }
    if (random.chance(0.2)) add(random.chance(0.5) ? 'MALE' : 'FEMALE', true, RELATIONSHIP.other, random.int(15, 60), 15, 80);
  }
  if (random.chance(welfare.desil >= 9 ? 0.12 : welfare.desil >= 7 ? 0.04 : 0)) {
    add(random.chance(0.8) ? 'FEMALE' : 'MALE', true, RELATIONSHIP.householdHelp, random.int(18, 55), 18, 60);
  }

  const marga = random.chance(0.1) ? random.pick(MARGA) : null;
  const people = drafted.map((member) => describe(context, member, marga));
  return withInsurance(context, people);
}

function headAgeWanted(random: Random, composition: Composition): number {
  switch (composition) {
    case 'single':
      return random.choose([random.int(21, 35), random.int(36, 59), random.int(60, 85)], [0.6, 0.15, 0.25]);
    case 'couple':
      return random.chance(0.5) ? random.int(21, 34) : random.int(50, 80);
    case 'nuclear':
      return average(random, 25, 62);
    case 'singleParent':
      return average(random, 28, 70);
    case 'extended':
      return average(random, 35, 72);
  }
}

function nameFor(random: Random, member: Drafted, marga: string | null): string {
  const given = random.pick(member.sex === 'MALE' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  const carriesMarga =
    marga !== null &&
    ((member.relationship === RELATIONSHIP.head && member.sex === 'MALE') ||
      member.relationship === RELATIONSHIP.child ||
      member.relationship === RELATIONSHIP.grandchild);
  if (carriesMarga) return `${given} ${marga}`;
  if (random.chance(0.45)) return given;
  return `${given} ${random.pick(member.sex === 'MALE' ? MALE_SECOND_NAMES : FEMALE_SECOND_NAMES)}`;
}

function registrationDistrict(context: HouseholdContext, member: Drafted): string {
  const { random } = context;
  const adult = member.age >= 18;
  const elsewhere = !adult
    ? 0.04
    : member.relationship === RELATIONSHIP.head || member.relationship === RELATIONSHIP.spouse
      ? 0.3
      : 0.15;
  const draw = random.float();
  if (draw < elsewhere) return context.region.pickDistrictElsewhere(random);
  if (draw < elsewhere + 0.07) return context.region.pickOtherDistrict(random, context.districtCode);
  return context.districtCode;
}

function presenceOf(random: Random, member: Drafted): number {
  if (member.relationship === RELATIONSHIP.head) return PRESENCE.living;
  const { age, relationship } = member;
  const died = age >= 75 ? 0.04 : age >= 60 ? 0.015 : 0.002;
  const moved =
    relationship === RELATIONSHIP.child && age >= 18 && age <= 35 ? 0.04 : relationship === RELATIONSHIP.other ? 0.05 : 0.005;
  const abroad = age >= 20 && age <= 40 ? 0.006 : 0;
  const isNew = age === 0 ? 0.4 : relationship === RELATIONSHIP.spouse || relationship === RELATIONSHIP.childInLaw ? 0.05 : 0.005;
  return random.choose(PRESENCE_CODES, [died, moved, abroad, isNew, 0.003, 1 - died - moved - abroad - isNew - 0.003]);
}

function lastSchoolLevel(random: Random, age: number, w: number): SchoolLevel {
  const old = age >= 55;
  return random.choose(SCHOOL_LEVELS, [
    (0.03 + 0.45 * w * w) * (old ? 0.5 : 1),
    0.35 + 0.2 * w,
    0.25 * (1 - w) + 0.05,
    0.3 * (1 - w) * (old ? 1.8 : 1) + 0.02,
  ]);
}

/** School participation (1 never, 2 in school, 3 no longer) and level, by age: SD 7-12, SMP 13-15, SMA 16-18. */
function schoolingOf(random: Random, age: number, w: number): { schoolParticipation: number; schoolLevel: SchoolLevel | null } {
  if (age < 7) return { schoolParticipation: 1, schoolLevel: null };
  if (age <= 12) return random.chance(0.96 + 0.035 * w) ? { schoolParticipation: 2, schoolLevel: 'SD' } : { schoolParticipation: 1, schoolLevel: null };
  if (age <= 15) return random.chance(0.82 + 0.16 * w) ? { schoolParticipation: 2, schoolLevel: 'SMP' } : { schoolParticipation: 3, schoolLevel: 'SD' };
  if (age <= 18) {
    return random.chance(0.55 + 0.4 * w)
      ? { schoolParticipation: 2, schoolLevel: 'SMA' }
      : { schoolParticipation: 3, schoolLevel: random.chance(0.7) ? 'SMP' : 'SD' };
  }
  if (age <= 24 && random.chance(0.04 + 0.55 * w * w)) return { schoolParticipation: 2, schoolLevel: 'HIGHER' };
  if (random.chance(age >= 60 ? 0.08 * (1 - w) : 0.01 * (1 - w))) return { schoolParticipation: 1, schoolLevel: null };
  return { schoolParticipation: 3, schoolLevel: lastSchoolLevel(random, age, w) };
}

function difficultyOf(random: Random, age: number): RegsosekDifficultyRecord {
  const none: RegsosekDifficultyRecord = {
    vision: 4,
    hearing: 4,
    walking: 4,
    hands: 4,
    learning: 4,
    behaviour: 4,
    communication: 4,
    selfCare: 4,
  };
  if (!random.chance(age < 18 ? 0.01 : age < 60 ? 0.02 : age < 75 ? 0.1 : 0.3)) return none;
  const domains = Object.keys(none) as (keyof RegsosekDifficultyRecord)[];
  const affected = new Set([random.pick(domains)]);
  if (random.chance(0.3)) affected.add(random.pick(domains));
  const difficulty: Record<keyof RegsosekDifficultyRecord, number> = { ...none };
  for (const domain of affected) difficulty[domain] = random.choose([1, 2, 3], [0.12, 0.35, 0.53]);
  return difficulty;
}

export function hasSevereDisability(difficulty: RegsosekDifficultyRecord): boolean {
  return Object.values(difficulty).includes(1);
}

function employmentOf(random: Random, member: Drafted, w: number, island: boolean): number {
  const civilServant = 0.008 + 0.6 * Math.max(0, w - 0.5) ** 2;
  return random.choose(EMPLOYMENT_STATUSES, [
    0.25,
    0.06,
    0.01 + 0.1 * w * w,
    0.35 + 0.25 * w,
    civilServant,
    island ? 0.15 : 0.003,
    0.02 + 0.2 * (1 - w) ** 2,
    member.sex === 'FEMALE' ? 0.06 : 0.01,
  ]);
}

/** Pregnancy only for women aged 15-49, mostly married ones in their twenties and early thirties. */
function pregnancyChance(member: Drafted): number {
  const { age } = member;
  if (member.sex !== 'FEMALE' || age < 15 || age > 49) return 0;
  const married =
    member.relationship === RELATIONSHIP.spouse || member.relationship === RELATIONSHIP.childInLaw || member.relationship === RELATIONSHIP.head;
  if (!married && age < 20) return 0;
  if (age <= 19) return 0.01;
  if (age <= 34) return 0.06;
  if (age <= 44) return 0.025;
  return 0.005;
}

function describe(context: HouseholdContext, member: Drafted, marga: string | null): Person {
  const { random, welfare, island } = context;
  const w = welfare.level;
  const nik = nikOf(registrationDistrict(context, member), member.sex, member.birthDate, member.serial);
  const name = nameFor(random, member, marga);
  const presence = presenceOf(random, member);
  const { schoolParticipation, schoolLevel } = schoolingOf(random, member.age, w);
  const difficulty = difficultyOf(random, member.age);
  const { age } = member;
  const workProbability =
    age < 15 || schoolParticipation === 2
      ? 0
      : (age >= 70 ? 0.15 : age >= 60 ? 0.45 : age < 25 ? 0.55 : member.sex === 'MALE' ? 0.92 : 0.5) *
        (hasSevereDisability(difficulty) ? 0.2 : 1);
  const present = presence === PRESENCE.living || presence === PRESENCE.newMember;
  const workedLastWeek = present && random.chance(workProbability);
  const employmentStatus = workedLastWeek ? employmentOf(random, member, w, island) : null;
  const chronicDisease = random.chance(age < 40 ? 0.03 : age < 60 ? 0.12 : 0.3);
  const pregnant = present && random.chance(pregnancyChance(member));
  return {
    nik,
    name,
    sex: member.sex,
    birthDate: isoDate(member.birthDate),
    age,
    relationship: member.relationship,
    presence,
    schoolParticipation,
    schoolLevel,
    workedLastWeek,
    employmentStatus,
    difficulty,
    chronicDisease,
    healthInsurance: 0,
    pregnant,
  };
}

function isFormalWorker(person: Person): boolean {
  return person.employmentStatus === 4 || person.employmentStatus === 5;
}

/** Share of families covered by PBI-JKN (premiums paid by the state), by true desil. */
const PBI_SHARE_BY_DESIL = [0.8, 0.78, 0.72, 0.65, 0.45, 0.18, 0.1, 0.05, 0.03, 0.02] as const;

/**
 * Health insurance bitmask (1 PBI, 2 self-paid JKN, 4 employer JKN, 8 other): employer cover for
 * formal workers and their core family, PBI mostly for poorer families, self-paid otherwise.
 */
function withInsurance(context: HouseholdContext, people: Person[]): Person[] {
  const { random, welfare } = context;
  const w = welfare.level;
  const formalFamily = people.some(isFormalWorker) && random.chance(0.85);
  const pbiFamily = random.chance((PBI_SHARE_BY_DESIL[welfare.desil - 1] ?? 0) * (formalFamily ? 0.3 : 1));
  return people.map((person) => {
    const dependant =
      person.relationship === RELATIONSHIP.head ||
      person.relationship === RELATIONSHIP.spouse ||
      (person.relationship === RELATIONSHIP.child && person.age < 21);
    let bits = 0;
    if (pbiFamily) {
      if (random.chance(0.95)) bits |= 1;
    } else if (formalFamily && (isFormalWorker(person) || dependant) && random.chance(0.92)) {
      bits |= 4;
    } else if (random.chance(0.2 + 0.5 * w)) {
      bits |= 2;
    }
    if (!pbiFamily && random.chance(0.3 * w * w)) bits |= 8;
    return { ...person, healthInsurance: bits };
  });
}
