import { RECEIPT_PROGRAMMES } from '../../common/programmes';
import type { DtksFamilyRecord, DtksMemberRecord, DtksProgram, DtksReceiptRecord, DtksVerificationStatus, PkhComponent } from '../../subgraphs/dtks/subgraph';
import type { P3keFamilyRecord, P3keInterventionRecord, P3keMemberRecord } from '../../subgraphs/p3ke/subgraph';
import type { RegsosekAssetsRecord, RegsosekFamilyRecord, RegsosekHousingRecord, RegsosekMemberRecord, RegsosekRankingRecord } from '../../subgraphs/regsosek/subgraph';
import { type CalendarDate, dateOfDay, isoDate, isoDay } from './calendar';
import { drawAssets, drawHousing } from './housing';
import { hasSevereDisability, isLiving, type Person, PRESENCE, drawMembers } from './household';
import { type FamilyNumbering, KK_ISSUE_YEARS, type PersonNumbering } from './identity';
import { ISLAND_STREET_NAMES, STREET_NAMES } from './names';
import { Random, STREAM } from './random';
import { KEPULAUAN_SERIBU, type SeedRegion } from './regions';
import { drawWelfare, legacyPercentileInDesil, percentileInDesil } from './welfare';

/** The DTSEN ranking every generated Regsosek record carries. */
export const RANKING_VERSION = '2025Q4';
export const RANKED_AT = '2025-11-15';

/** Share of families DTKS holds, by true desil: the poorer part, plus richer ones (inclusion). */
export const DTKS_COVERAGE_BY_DESIL: readonly number[] = [0.95, 0.92, 0.88, 0.82, 0.62, 0.22, 0.1, 0.05, 0.025, 0.01];
/** Share of families P3KE holds among true desil 1-4 (and desil 5 placed in 4 by P3KE's model). */
export const P3KE_COVERAGE_POOR = 0.88;
export const P3KE_COVERAGE_DESIL_5 = 0.15;
/** Share of Regsosek families not ranked yet. */
export const UNRANKED_SHARE = 0.01;
/** Chance that a source's desil is one off the truth (always on the family's side of noise). */
export const DESIL_NOISE = { regsosek: 0.15, dtks: 0.2, p3ke: 0.2 } as const;
/**
 * Chance that a family DTKS holds receives anything: most eligible ones (desil 1-4 without an
 * exclusion), fewer others; calibrated so that ~25 % of eligible families receive nothing and
 * ~15 % of recipients are in desil 6 or above.
 */
export const RECEIVES_ANYTHING = { eligible: 0.88, desil5: 0.45, other: 0.55 } as const;

/** A family as generated, before defects: what each register holds about it when all is well. */
export interface CleanFamily {
  readonly index: number;
  readonly trueDesil: number;
  readonly noKK: string;
  /** The KK a register would list the family under after a re-issue (KK_MISMATCH). */
  readonly reissuedKK: string;
  readonly people: readonly Person[];
  readonly regsosek: RegsosekFamilyRecord;
  readonly dtks: DtksFamilyRecord | null;
  readonly p3ke: P3keFamilyRecord | null;
  /** The run's region, where a defect moves the family to. */
  readonly region: SeedRegion;
}

export interface FamilyContext {
  readonly seed: number;
  readonly persons: PersonNumbering;
  readonly families: FamilyNumbering;
  readonly evaluation: CalendarDate;
  readonly evaluationDay: number;
  readonly region: SeedRegion;
}

export function toRegsosekMember(person: Person, noKK: string): RegsosekMemberRecord {
  return {
    nik: person.nik,
    noKK,
    name: person.name,
    sex: person.sex,
    birthDate: person.birthDate,
    relationship: person.relationship,
    presence: person.presence,
    schoolParticipation: person.schoolParticipation,
    schoolLevel: person.schoolLevel,
    workedLastWeek: person.workedLastWeek,
    employmentStatus: person.employmentStatus,
    difficulty: person.difficulty,
    chronicDisease: person.chronicDisease,
    healthInsurance: person.healthInsurance,
    pregnant: person.pregnant,
  };
}

export function toDtksMember(person: Person, noKK: string): DtksMemberRecord {
  return { nik: person.nik, noKK, name: person.name, sex: person.sex, birthDate: person.birthDate, relationship: person.relationship };
}

export function toP3keMember(person: Person, noKK: string): P3keMemberRecord {
  return {
    nik: person.nik,
    noKK,
    name: person.name,
    sex: person.sex,
    birthDate: person.birthDate,
    relationship: person.relationship,
    inSchool: person.schoolParticipation === 2,
    working: person.workedLastWeek,
  };
}

/** One off the truth in the family's noise direction, with `probability`, if still within [low, high]. */
function nearbyDesil(random: Random, trueDesil: number, direction: number, probability: number, low: number, high: number): number {
  const shifted = trueDesil + direction;
  return random.chance(probability) && shifted >= low && shifted <= high ? shifted : trueDesil;
}

const pad3 = (value: number): string => String(value).padStart(3, '0');

export function drawAddress(random: Random, island: boolean): string {
  const number = random.int(1, 150);
  const suffix = random.chance(0.08) ? random.pick(['A', 'B', 'C']) : '';
  return `Jl. ${random.pick(island ? ISLAND_STREET_NAMES : STREET_NAMES)} No. ${number}${suffix}`;
}

const isPupil = (person: Person): boolean =>
  isLiving(person) &&
  person.schoolParticipation === 2 &&
  person.age >= 6 &&
  person.age <= 21 &&
  (person.schoolLevel === 'SD' || person.schoolLevel === 'SMP' || person.schoolLevel === 'SMA');

/** PKH components of the living members, with the programme's caps per family. */
export function pkhComponentsOf(people: readonly Person[]): PkhComponent[] {
  let pregnant = 0;
  let earlyChildhood = 0;
  let severeDisability = 0;
  let elderly = 0;
  const pupils: PkhComponent[] = [];
  for (const person of people) {
    if (!isLiving(person)) continue;
    if (person.pregnant) pregnant += 1;
    if (person.age <= 6) earlyChildhood += 1;
    if (hasSevereDisability(person.difficulty)) severeDisability += 1;
    if (person.age >= 70) elderly += 1;
    if (isPupil(person)) pupils.push(`PUPIL_${person.schoolLevel as 'SD' | 'SMP' | 'SMA'}`);
  }
  const order: readonly PkhComponent[] = ['PUPIL_SD', 'PUPIL_SMP', 'PUPIL_SMA'];
  return [
    ...new Array<PkhComponent>(Math.min(2, pregnant)).fill('PREGNANT'),
    ...new Array<PkhComponent>(Math.min(2, earlyChildhood)).fill('EARLY_CHILDHOOD'),
    ...pupils.sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    ...new Array<PkhComponent>(Math.min(1, severeDisability)).fill('SEVERE_DISABILITY'),
    ...new Array<PkhComponent>(Math.min(1, elderly)).fill('ELDERLY'),
  ];
}

/** A living member would exclude the family: civil servant; or the family has a car or more than 1,300 VA. */
function hasExclusion(people: readonly Person[], housing: RegsosekHousingRecord, assets: RegsosekAssetsRecord): boolean {
  return people.some((person) => isLiving(person) && person.employmentStatus === 5) || assets.car || (housing.installedPower ?? 0) >= 4;
}

function firstOfMonth(day: number): string {
  const date = dateOfDay(day);
  return isoDate({ ...date, day: 1 });
}

function drawReceipts(
  random: Random,
  context: FamilyContext,
  listed: readonly Person[],
  trueDesil: number,
  excluded: boolean,
  familyActive: boolean,
): DtksReceiptRecord[] {
  const eligible = trueDesil <= 4 && !excluded;
  const receives = random.chance(eligible ? RECEIVES_ANYTHING.eligible : trueDesil === 5 && !excluded ? RECEIVES_ANYTHING.desil5 : RECEIVES_ANYTHING.other);
  if (!receives) return [];
  const components = pkhComponentsOf(listed);
  const programs: DtksProgram[] = [];
  if (random.chance(0.85)) programs.push('PBI_JK');
  if (random.chance(0.65)) programs.push('BPNT');
  if (components.length > 0 && random.chance(0.7)) programs.push('PKH');
  if (listed.some(isPupil) && random.chance(0.5)) programs.push('PIP');
  if (programs.length === 0) programs.push('PBI_JK');
  return RECEIPT_PROGRAMMES
    .filter((program) => programs.includes(program))
    .map((program) => ({
      program,
      since: firstOfMonth(context.evaluationDay - random.int(60, 8 * 365)),
      status: familyActive && random.chance(0.9) ? 'ACTIVE' : 'SUSPENDED',
      pkhComponents: program === 'PKH' ? components : [],
    }));
}

function drawDtks(
  random: Random,
  context: FamilyContext,
  base: { index: number; noKK: string; regionCode: string; districtCode: string; address: string; rt: string; rw: string },
  people: readonly Person[],
  trueDesil: number,
  direction: number,
  excluded: boolean,
): DtksFamilyRecord {
  // Deaths are dropped from DTKS when recorded; new members often not added yet.
  const listed = people.filter((person) => person.presence !== PRESENCE.died && !(person.presence === PRESENCE.newMember && random.chance(0.5)));
  const verificationStatus = random.choose<DtksVerificationStatus>(['VERIFIED', 'UNVERIFIED', 'REJECTED'], [0.78, 0.18, 0.04]);
  const verifiedAt =
    verificationStatus !== 'UNVERIFIED'
      ? isoDay(context.evaluationDay - random.int(14, 3 * 365))
      : random.chance(0.6)
        ? null
        : isoDay(context.evaluationDay - random.int(3 * 365, 6 * 365));
  const active = verificationStatus !== 'REJECTED' && random.chance(0.96);
  const welfarePercentile =
    trueDesil <= 4
      ? legacyPercentileInDesil(random, nearbyDesil(random, trueDesil, direction, DESIL_NOISE.dtks, 1, 4))
      : random.chance(0.65)
        ? null
        : percentileInDesil(random, trueDesil);
  return {
    dtksId: `DT${base.districtCode}${String(base.index + 1).padStart(8, '0')}`,
    noKK: base.noKK,
    regionCode: base.regionCode,
    address: base.address,
    rt: base.rt,
    rw: base.rw,
    verificationStatus,
    verifiedAt,
    active,
    welfarePercentile,
    receipts: drawReceipts(random, context, listed, trueDesil, excluded, active),
    members: listed.map((person) => toDtksMember(person, base.noKK)),
  };
}

function drawInterventions(random: Random, context: FamilyContext, people: readonly Person[], dtks: DtksFamilyRecord | null, liveableHouse: boolean): P3keInterventionRecord[] {
  const interventions: P3keInterventionRecord[] = [];
  for (const receipt of dtks?.receipts ?? []) {
    if (receipt.status === 'ACTIVE' && (receipt.program === 'PKH' || receipt.program === 'BPNT')) {
      interventions.push({ program: receipt.program, year: Number(receipt.since.slice(0, 4)) });
    }
  }
  if (!liveableHouse && random.chance(0.2)) interventions.push({ program: 'RUTILAHU', year: context.evaluation.year - random.int(0, 3) });
  if (people.some(isPupil) && random.chance(0.35)) interventions.push({ program: 'KJP_PLUS', year: context.evaluation.year - random.int(0, 3) });
  if (people.some((person) => isLiving(person) && person.age >= 60) && random.chance(0.3)) interventions.push({ program: 'KLJ', year: context.evaluation.year - random.int(0, 3) });
  if (random.chance(0.05)) interventions.push({ program: 'PKT', year: context.evaluation.year - random.int(0, 3) });
  return interventions;
}

function drawP3ke(
  random: Random,
  context: FamilyContext,
  base: { noKK: string; regionCode: string; address: string; rt: string; rw: string },
  people: readonly Person[],
  trueDesil: number,
  direction: number,
  housing: RegsosekHousingRecord,
  dtks: DtksFamilyRecord | null,
): P3keFamilyRecord {
  const desil = trueDesil <= 4 ? nearbyDesil(random, trueDesil, direction, DESIL_NOISE.p3ke, 1, 4) : 4;
  const listed = people.filter((person) => person.presence !== PRESENCE.died);
  const liveableHouse =
    housing.floor !== 7 && housing.floor !== 8 && housing.wall <= 3 && housing.floorArea / Math.max(1, listed.length) >= 7.2;
  return {
    noKK: base.noKK,
    regionCode: base.regionCode,
    address: base.address,
    rt: base.rt,
    rw: base.rw,
    desil,
    extremePoor: desil === 1,
    liveableHouse,
    cleanWater: [1, 2, 3, 4, 5, 7, 10, 12, 13].includes(housing.drinkingWater),
    sanitation: (housing.toilet === 1 || housing.toilet === 2) && (housing.faecesDisposal === 1 || housing.faecesDisposal === 2),
    interventions: drawInterventions(random, context, listed, dtks, liveableHouse),
    members: listed.map((person) => toP3keMember(person, base.noKK)),
  };
}

/** Family `index` of a run, as every register would hold it without defects: a pure function of (seed, index). */
export function drawCleanFamily(context: FamilyContext, index: number): CleanFamily {
  const random = new Random(context.seed, STREAM.family, index);
  const region = context.region.pickHome(random);
  const island = region.cityCode === KEPULAUAN_SERIBU;
  const welfare = drawWelfare(random, region.cityCode);
  const people = drawMembers({
    familyIndex: index,
    numbering: context.persons,
    evaluation: context.evaluation,
    random,
    districtCode: region.districtCode,
    region: context.region,
    welfare,
    island,
  });
  // Issued once the head was an adult: a year between age 19 and now (at most 25 years back).
  const headAge = people[0]?.age ?? 19;
  const noKK = context.families.originalKK(index, region.districtCode, random.int(0, Math.min(KK_ISSUE_YEARS - 1, Math.max(0, headAge - 21))));
  const base = {
    index,
    noKK,
    regionCode: region.villageCode,
    districtCode: region.districtCode,
    address: drawAddress(random, island),
    rt: pad3(random.int(1, 15)),
    rw: pad3(random.int(1, 12)),
  };
  const housing = drawHousing(random, welfare.level, people.filter(isLiving).length, island);
  const assets = drawAssets(random, welfare.level, island);
  // All sources err on the same side of the truth, so that no two differ by 2 or more.
  const direction = random.chance(0.5) ? 1 : -1;
  const rankedDesil = nearbyDesil(random, welfare.desil, direction, DESIL_NOISE.regsosek, 1, 10);
  const ranking: RegsosekRankingRecord | null = random.chance(UNRANKED_SHARE)
    ? null
    : {
        desil: rankedDesil,
        percentile: rankedDesil === welfare.desil ? welfare.percentile : percentileInDesil(random, rankedDesil),
        version: RANKING_VERSION,
        rankedAt: RANKED_AT,
      };
  const regsosek: RegsosekFamilyRecord = {
    noKK,
    regionCode: base.regionCode,
    address: base.address,
    rt: base.rt,
    rw: base.rw,
    familyStatus: random.choose([0, 1, 2], [0.9, 0.04, 0.06]),
    housing,
    assets,
    ranking,
    members: people.map((person) => toRegsosekMember(person, noKK)),
  };
  const excluded = hasExclusion(people, housing, assets);
  const dtks = random.chance(DTKS_COVERAGE_BY_DESIL[welfare.desil - 1] ?? 0)
    ? drawDtks(random, context, base, people, welfare.desil, direction, excluded)
    : null;
  const inP3ke =
    welfare.desil <= 4 ? random.chance(P3KE_COVERAGE_POOR) : welfare.desil === 5 && direction === -1 && random.chance(P3KE_COVERAGE_DESIL_5);
  const p3ke = inP3ke ? drawP3ke(random, context, base, people, welfare.desil, direction, housing, dtks) : null;
  return {
    index,
    trueDesil: welfare.desil,
    noKK,
    reissuedKK: context.families.reissuedKK(index, region.districtCode),
    people,
    regsosek,
    dtks,
    p3ke,
    region: context.region,
  };
}
