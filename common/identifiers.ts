import { dottedRegionCode, isKnownRegency } from './regions';

const SIXTEEN_DIGITS = /^\d{16}$/;

/** NIK and No. KK are both 16 digits; anything else is malformed input. */
export function isSixteenDigits(value: string): boolean {
  return SIXTEEN_DIGITS.test(value);
}

export type Sex = 'MALE' | 'FEMALE';

export interface NikCheck {
  readonly valid: boolean;
  /**
   * Why the NIK is not valid; null when it is. Names the part that fails, never its digits: the
   * problem reaches readers who see the NIK masked, and the digits it would quote are the hidden ones.
   */
  readonly problem: string | null;
  /** YYYY-MM-DD, when the date part is readable. */
  readonly birthDate: string | null;
  readonly sex: Sex | null;
  /** Dotted district of first registration, e.g. 31.71.01. */
  readonly districtCode: string | null;
}

function invalid(problem: string, partial: Partial<NikCheck> = {}): NikCheck {
  return { valid: false, problem, birthDate: null, sex: null, districtCode: null, ...partial };
}

/**
 * Structural check of a NIK, `PPKKCC DDMMYY SSSS`: a known regency prefix, a real birth date
 * (day + 40 for women) not after `today`, and a non-zero serial. Existence cannot be checked.
 * The two-digit year is read as the latest century that does not put the birth after `today`.
 */
export function checkNik(nik: string, today: Date): NikCheck {
  if (!isSixteenDigits(nik)) return invalid('not 16 digits');
  const districtCode = dottedRegionCode(nik.slice(0, 6));
  if (!isKnownRegency(nik) || nik.slice(4, 6) === '00') {
    return invalid('unknown region prefix (digits 1-6)', { districtCode });
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? 'FEMALE' : 'MALE';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const todayYear = today.getUTCFullYear();
  let year = Math.floor(todayYear / 100) * 100 + yy;
  if (year > todayYear) year -= 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    day >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!realDate) return invalid('no such birth date (digits 7-12)', { districtCode, sex });
  if (date.getTime() > today.getTime()) {
    // Only reachable in the current year: a two-digit year at or before today's, with a later day.
    return invalid('birth date in the future', { districtCode, sex });
  }
  if (nik.slice(12) === '0000') return invalid('serial 0000', { districtCode, sex });
  return { valid: true, problem: null, birthDate: date.toISOString().slice(0, 10), sex, districtCode };
}

/** Whole years between a YYYY-MM-DD birth date and `on`. */
export function ageOn(birthDate: string, on: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - year;
  const beforeBirthday = on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}
