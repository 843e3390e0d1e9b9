// BPJS Kesehatan's enrolments of a family, drawn after the other registers' defects, consistent
// with the family's truth: PBI (class III, paid by the state) for the members of a family that
// qualifies for PBI-JK, employer (PPU) cover for the employer-insured, self-paid (PBPU) or none
// for the rest. PBI-JK inclusion and exclusion errors, graduation candidates (still enrolled though
// ranked just above the cut-off), and DTKS disagreeing with BPJS about PBI-JK receipt, are injected
// at the rates given, each with its truth (docs/data.md).
import type { BpjsEnrolmentRecord, BpjsFamilyRecord, BpjsSegment } from '../../subgraphs/bpjs/subgraph';
import type { DtksFamilyRecord, DtksReceiptRecord } from '../../subgraphs/dtks/subgraph';
import type { FamilyOutcome, FamilyRecords } from './defects';
import { PRESENCE, type Person } from './household';
import { monthNumber, monthText } from './calendar';
import type { Random } from './random';
import { GRADUATION_DESILS_ABOVE } from './targeting-rates';
import type { CleanFamily } from './registers';
import { expectedTargeting } from './targeting-truth';
import type { TargetingTruth } from './types';

/** How often the seeder gets PBI-JK wrong on purpose; each a share of the families it can apply to. */
export interface PbiJkErrorRates {
  /** Of families that do not qualify: BPJS enrols members as PBI all the same. */
  readonly inclusion: number;
  /** Of families that qualify: BPJS enrols none of them as PBI. */
  readonly exclusion: number;
  /** Of families DTKS holds: DTKS's PBI-JK receipt says the opposite of BPJS. */
  readonly dtksDisagreement: number;
  /**
   * Of families that fail PBI-JK only by a desil one or two above the cut-off and were not drawn as
   * inclusion errors: BPJS still enrols them as PBI (graduation candidates, not yet re-verified).
   */
  readonly graduation: number;
}

export const DEFAULT_PBI_JK_ERROR_RATES: PbiJkErrorRates = { inclusion: 0.04, exclusion: 0.06, dtksDisagreement: 0.03, graduation: 0.1 };

/** The rule set's PBI-JK cut-off and employer-insurance bit (subgraphs/dtsen/rules/rule-set-2025.json). */
const PBI_JK_MAX_DESIL = 5;
const EMPLOYER_INSURANCE_BIT = 4;
/** Regsosek presence codes dtsen drops from the living members: died, moved within Indonesia, moved abroad. */
const GONE: ReadonlySet<number> = new Set([PRESENCE.died, PRESENCE.movedWithinIndonesia, PRESENCE.movedAbroad]);
const PUBLIC_EMPLOYMENT = 5;
/** Regsosek installed-power codes above 1,300 VA. */
const FIRST_POWER_ABOVE_LIMIT = 4;
const PBI_CLASS = 3;
const JKN_START_MONTH = 2014 * 12;

const livingPeople = (family: CleanFamily): Person[] => family.people.filter((person) => !GONE.has(person.presence));

/** How a family stands against PBI-JK by the facts the registers hold of it. */
export interface PbiJkStanding {
  readonly qualifies: boolean;
  /** Fails PBI-JK only by its desil above the cut-off: a graduation candidate if it receives. */
  readonly aboveCutOffOnly: boolean;
  /** How many desils its ranking lies above the cut-off (0 or less: within). */
  readonly desilsAbove: number;
}

/**
 * How the family stands against PBI-JK by the facts the registers hold of it, or null when the
 * seeder cannot say exactly what dtsen will read (a defect changed a record, or Regsosek does not
 * rank it): those families get no targeting truth and no injected targeting error.
 */
export function pbiJkStanding(family: CleanFamily, outcome: FamilyOutcome): PbiJkStanding | null {
  const ranking = family.regsosek.ranking;
  if (outcome.defects.length > 0 || ranking === null) return null;
  const living = livingPeople(family);
  const { housing, assets } = family.regsosek;
  const excluded =
    living.some((person) => person.employmentStatus === PUBLIC_EMPLOYMENT) || assets.car || (housing.installedPower ?? 0) >= FIRST_POWER_ABOVE_LIMIT;
  const covered = living.filter((person) => (person.healthInsurance & EMPLOYER_INSURANCE_BIT) === 0);
  const otherwise = !excluded && covered.length > 0;
  const within = ranking.desil <= PBI_JK_MAX_DESIL;
  return { qualifies: within && otherwise, aboveCutOffOnly: !within && otherwise, desilsAbove: ranking.desil - PBI_JK_MAX_DESIL };
}

/** The month of the person's birth: nobody is enrolled before they are born. */
function birthMonth(person: Person): number {
  return monthNumber({ year: Number(person.birthDate.slice(0, 4)), month: Number(person.birthDate.slice(5, 7)) });
}

function enrolment(random: Random, person: Person, noKK: string, segment: BpjsSegment, gone: boolean, evaluationMonth: number): BpjsEnrolmentRecord {
  const pbi = segment === 'PBI_APBN' || segment === 'PBI_APBD';
  const status = gone ? 'ENDED' : pbi || random.chance(0.9) ? 'ACTIVE' : 'SUSPENDED';
  return {
    nik: person.nik,
    noKK,
    name: person.name,
    sex: person.sex,
    birthDate: person.birthDate,
    relationship: person.relationship,
    enrolled: status !== 'ENDED',
    class: pbi ? PBI_CLASS : segment === 'PPU' ? random.choose([1, 2], [0.4, 0.6]) : random.choose([1, 2, 3], [0.15, 0.3, 0.55]),
    since: monthText(Math.max(JKN_START_MONTH, birthMonth(person), evaluationMonth - random.int(2, 11 * 12))),
    status,
    segment,
  };
}

/** PBI paid by the central budget mostly; some regions pay for their own (APBD). */
const pbiSegment = (random: Random): BpjsSegment => (random.chance(0.8) ? 'PBI_APBN' : 'PBI_APBD');

/**
 * Each person's enrolment: PBI for the uninsured-by-employer members of a receiving family, PPU for
 * the employer-insured, else self-paid or none; people who died or moved away have an ENDED one.
 */
function enrolments(random: Random, family: CleanFamily, receives: boolean, evaluationMonth: number): BpjsEnrolmentRecord[] {
  const records: BpjsEnrolmentRecord[] = [];
  for (const person of family.people) {
    const gone = GONE.has(person.presence);
    const employer = (person.healthInsurance & EMPLOYER_INSURANCE_BIT) !== 0;
    let segment: BpjsSegment | null;
    if (employer) segment = 'PPU';
    else if (receives) segment = pbiSegment(random);
    else if ((person.healthInsurance & 2) !== 0 || random.chance(0.25)) segment = person.age >= 60 && random.chance(0.3) ? 'BP' : 'PBPU';
    else segment = null;
    if (segment !== null) records.push(enrolment(random, person, family.noKK, segment, gone, evaluationMonth));
  }
  // An included family shows up with at least one PBI member even when all are employer-insured.
  if (receives && !records.some((record) => record.status === 'ACTIVE' && record.segment.startsWith('PBI_'))) {
    const person = livingPeople(family)[0];
    if (person) {
      const others = records.filter((record) => record.nik !== person.nik);
      return [enrolment(random, person, family.noKK, pbiSegment(random), false, evaluationMonth), ...others];
    }
  }
  return records;
}

/** BPJS receives PBI-JK for the family: a member dtsen counts as living has an ACTIVE PBI enrolment. */
export function bpjsReceiving(bpjs: BpjsFamilyRecord | null, records: FamilyRecords): boolean {
  if (!bpjs) return false;
  const gone = new Set((records.regsosek?.members ?? []).filter((member) => GONE.has(member.presence)).map((member) => member.nik));
  const listed = new Set(
    [records.regsosek, records.dtks, records.p3ke].flatMap((record) => (record?.members ?? []).map((member) => member.nik)),
  );
  return bpjs.members.some(
    (member) => member.status === 'ACTIVE' && member.segment.startsWith('PBI_') && listed.has(member.nik) && !gone.has(member.nik),
  );
}

export const dtksReceivingPbiJk = (dtks: DtksFamilyRecord | null): boolean =>
  (dtks?.receipts ?? []).some((receipt) => receipt.program === 'PBI_JK' && receipt.status === 'ACTIVE');

/** The DTKS record with its PBI-JK receipt made to say `receiving`. */
function withDtksPbiJk(random: Random, dtks: DtksFamilyRecord, receiving: boolean, evaluationMonth: number): DtksFamilyRecord {
  if (dtksReceivingPbiJk(dtks) === receiving) return dtks;
  const others = dtks.receipts.filter((receipt) => receipt.program !== 'PBI_JK');
  if (!receiving) return { ...dtks, receipts: others };
  const receipt: DtksReceiptRecord = {
    program: 'PBI_JK',
    since: `${monthText(evaluationMonth - random.int(2, 8 * 12))}-01`,
    status: 'ACTIVE',
    pkhComponents: [],
  };
  // DTKS lists receipts in programme order (PKH, BPNT, PBI_JK, PIP).
  const order = ['PKH', 'BPNT', 'PBI_JK', 'PIP'];
  return { ...dtks, receipts: [...others, receipt].sort((a, b) => order.indexOf(a.program) - order.indexOf(b.program)) };
}

export interface BpjsOutcome {
  /** The registers' records, DTKS's PBI-JK receipt aligned with BPJS (or made to disagree). */
  readonly records: FamilyRecords;
  readonly bpjs: BpjsFamilyRecord | null;
  /** The PBI-JK targeting truth of the family's own No. KK; null when the seeder cannot know it. */
  readonly targeting: TargetingTruth | null;
}

/**
 * BPJS's enrolments of the family after the other defects are in. In a family without a defect,
 * DTKS's PBI-JK receipt is made to agree with BPJS (they share DTSEN's list), except at the
 * disagreement rate; a family with a defect keeps DTKS as drawn, its truth computed from both.
 */
export function drawBpjs(
  random: Random,
  graduation: Random,
  family: CleanFamily,
  outcome: FamilyOutcome,
  rates: PbiJkErrorRates,
  evaluationMonth: number,
): BpjsOutcome {
  const standing = pbiJkStanding(family, outcome);
  let receives = standing?.qualifies ?? dtksReceivingPbiJk(outcome.records.dtks);
  let status: TargetingTruth['status'] | null = null;
  if (standing !== null) {
    if (standing.qualifies && random.chance(rates.exclusion)) receives = false;
    else if (!standing.qualifies && random.chance(rates.inclusion)) receives = true;
    // From a stream of its own, drawn only for the candidates: every other draw stays as it was.
    const candidate = !receives && standing.aboveCutOffOnly && standing.desilsAbove <= GRADUATION_DESILS_ABOVE;
    if (candidate && graduation.chance(rates.graduation)) receives = true;
    status = expectedTargeting(receives, standing.qualifies, standing.aboveCutOffOnly);
  }
  const members = enrolments(random, family, receives, evaluationMonth);
  const { regionCode, address, rt, rw } = family.regsosek;
  const bpjs: BpjsFamilyRecord | null = members.length > 0 ? { noKK: family.noKK, regionCode, address, rt, rw, members } : null;
  let records = outcome.records;
  const dtks = records.dtks;
  if (dtks && outcome.defects.length === 0 && dtks.noKK === family.noKK) {
    const disagree = random.chance(rates.dtksDisagreement);
    records = { ...records, dtks: withDtksPbiJk(random, dtks, bpjsReceiving(bpjs, records) !== disagree, evaluationMonth) };
  }
  return { records, bpjs, targeting: status === null ? null : { program: 'PBI_JK', status } };
}
