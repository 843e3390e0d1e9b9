import type { Sex } from '../../common/identifiers';
import { INDONESIA_POPULATION } from '../../common/regions';
import { type CalendarDate, DAYS_PER_YEAR, dateOfDay, ddmmyy, isLaterInYear, monthDayOfYear } from './calendar';
import { KeyedPermutation } from './permutation';
import { type Random, STREAM } from './random';

// NIK = district (6) + birth date DDMMYY (day + 40 for women) + serial (4). Each person has a key
// (family index, sex, slot); a keyed permutation turns the key into the day of the year of birth,
// the serial and the parity of the birth year. Different keys give different (day, serial, parity)
// and so different NIKs, whatever the district and the age: NIK uniqueness is structural.
export const NIK_SLOTS_PER_SEX = 4;
const SERIALS = 9_999;
const YEAR_PARITIES = 2;
const NIK_KEYS = DAYS_PER_YEAR * SERIALS * YEAR_PARITIES;

/** Families a run can hold with unique NIKs (4 slots per sex per family). */
export const MAX_FAMILIES = Math.floor(NIK_KEYS / NIK_SLOTS_PER_SEX);

export interface NikSlot {
  readonly month: number;
  readonly day: number;
  readonly serial: number;
  readonly yearParity: number;
}

export class PersonNumbering {
  private readonly permutations: Readonly<Record<Sex, KeyedPermutation>>;

  constructor(seed: number) {
    this.permutations = {
      MALE: new KeyedPermutation(NIK_KEYS, [seed, STREAM.nikPermutation, 0]),
      FEMALE: new KeyedPermutation(NIK_KEYS, [seed, STREAM.nikPermutation, 1]),
    };
  }

  slot(familyIndex: number, sex: Sex, slotIndex: number): NikSlot {
    if (slotIndex < 0 || slotIndex >= NIK_SLOTS_PER_SEX) throw new RangeError(`NIK slot ${slotIndex} out of range`);
    const value = this.permutations[sex].apply(familyIndex * NIK_SLOTS_PER_SEX + slotIndex);
    const { month, day } = monthDayOfYear(value % DAYS_PER_YEAR);
    const rest = Math.floor(value / DAYS_PER_YEAR);
    return { month, day, serial: (rest % SERIALS) + 1, yearParity: Math.floor(rest / SERIALS) };
  }
}

function birthYear(slot: NikSlot, age: number, evaluation: CalendarDate): number {
  return evaluation.year - age - (isLaterInYear(slot, evaluation) ? 1 : 0);
}

/**
 * The age nearest `wanted` within [low, high] that the slot allows (its birth-year parity, and not
 * born on the evaluation day itself); null when there is none.
 */
export function fitAge(slot: NikSlot, wanted: number, low: number, high: number, evaluation: CalendarDate, random: Random): number | null {
  const start = Math.min(high, Math.max(low, Math.round(wanted)));
  const direction = random.chance(0.5) ? 1 : -1;
  for (let distance = 0; distance <= high - low; distance += 1) {
    for (const candidate of distance === 0 ? [start] : [start + direction * distance, start - direction * distance]) {
      if (candidate < low || candidate > high) continue;
      if (birthYear(slot, candidate, evaluation) % 2 !== slot.yearParity) continue;
      if (candidate === 0 && slot.month === evaluation.month && slot.day === evaluation.day) continue;
      return candidate;
    }
  }
  return null;
}

export function birthDateOf(slot: NikSlot, age: number, evaluation: CalendarDate): CalendarDate {
  return { year: birthYear(slot, age, evaluation), month: slot.month, day: slot.day };
}

export function nikOf(districtCode: string, sex: Sex, birthDate: CalendarDate, serial: number): string {
  return `${districtCode}${ddmmyy(birthDate, sex === 'FEMALE')}${String(serial).padStart(4, '0')}`;
}

// No. KK = issuing district (6) + issue date DDMMYY + serial (4). Original KKs are issued in one of
// 25 yearly windows before the re-issue window (each window a keyed permutation of the family index
// onto its days and serials), re-issued ones (a family listed under a new KK) in the last two years.
// Windows do not overlap and a permutation never repeats itself, so KKs are unique by structure,
// and the window can follow the family (no KK issued before its head was an adult).
export const KK_ISSUE_YEARS = 25;
const KK_YEAR_DAYS = 365;
const KK_REISSUED_DAYS = 700;
const KK_REISSUED_LAST_DAY_BEFORE_EVALUATION = 30;

export class FamilyNumbering {
  private readonly seed: number;
  private readonly yearly = new Map<number, KeyedPermutation>();
  private readonly reissued: KeyedPermutation;
  private readonly reissuedFirstDay: number;

  constructor(seed: number, evaluationDay: number) {
    this.seed = seed;
    this.reissued = new KeyedPermutation(KK_REISSUED_DAYS * SERIALS, [seed, STREAM.kkPermutation, -1]);
    this.reissuedFirstDay = evaluationDay - KK_REISSUED_LAST_DAY_BEFORE_EVALUATION - KK_REISSUED_DAYS;
  }

  /** The family's KK, issued `yearsBack` (0 … 24) whole years before the re-issue window. */
  originalKK(familyIndex: number, districtCode: string, yearsBack: number): string {
    if (!Number.isInteger(yearsBack) || yearsBack < 0 || yearsBack >= KK_ISSUE_YEARS) throw new RangeError(`KK issue year ${yearsBack} out of range`);
    let permutation = this.yearly.get(yearsBack);
    if (!permutation) {
      permutation = new KeyedPermutation(KK_YEAR_DAYS * SERIALS, [this.seed, STREAM.kkPermutation, yearsBack]);
      this.yearly.set(yearsBack, permutation);
    }
    const firstDay = this.reissuedFirstDay - (yearsBack + 1) * KK_YEAR_DAYS;
    return this.format(permutation.apply(familyIndex), KK_YEAR_DAYS, firstDay, districtCode);
  }

  /** The KK a register lists the family under after a re-issue (split, move or correction). */
  reissuedKK(familyIndex: number, districtCode: string): string {
    return this.format(this.reissued.apply(familyIndex), KK_REISSUED_DAYS, this.reissuedFirstDay, districtCode);
  }

  private format(value: number, days: number, firstDay: number, districtCode: string): string {
    const issued = dateOfDay(firstDay + (value % days));
    const serial = Math.floor(value / days) + 1;
    return `${districtCode}${ddmmyy(issued)}${String(serial).padStart(4, '0')}`;
  }
}

// Invalid NIKs as registers hold them: a birth month that cannot exist, or a province code that
// does not exist. Both transformations are one-to-one, so two different people never end up
// sharing an invalid NIK, and neither can produce a valid NIK.
export type InvalidNikKind = 'IMPOSSIBLE_MONTH' | 'UNKNOWN_PROVINCE';

const knownProvinces = INDONESIA_POPULATION.filter((row) => row.level === 'province').map((row) => row.code);
const unknownProvinces = Array.from({ length: 90 }, (_, index) => String(index + 10)).filter(
  (code) => !knownProvinces.includes(code) && !INDONESIA_POPULATION.some((row) => row.code.startsWith(`${code}.`)),
);

export function invalidNik(nik: string, kind: InvalidNikKind): string {
  if (kind === 'IMPOSSIBLE_MONTH') {
    return `${nik.slice(0, 8)}${Number(nik.slice(8, 10)) + 20}${nik.slice(10)}`;
  }
  const replacement = unknownProvinces[knownProvinces.indexOf(nik.slice(0, 2))];
  if (replacement === undefined) throw new Error(`no unknown province code for ${nik.slice(0, 2)}`);
  return `${replacement}${nik.slice(2)}`;
}
