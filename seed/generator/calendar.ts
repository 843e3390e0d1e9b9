/** Calendar days as whole days since 1970-01-01 (UTC), and the pieces NIK and KK are built from. */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days of a year that exist every year (29 February excluded). */
export const DAYS_PER_YEAR = 365;

export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function dateOfDay(day: number): CalendarDate {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function isoDay(day: number): string {
  return isoDate(dateOfDay(day));
}

/** `DDMMYY`, with 40 added to the day when `female` (the NIK convention). */
export function ddmmyy(date: CalendarDate, female = false): string {
  return `${pad2(date.day + (female ? 40 : 0))}${pad2(date.month)}${pad2(date.year % 100)}`;
}

/** Months since January of year 0: `YYYY-MM` months as numbers, to count and compare them. */
export function monthNumber(date: Pick<CalendarDate, 'year' | 'month'>): number {
  return date.year * 12 + date.month - 1;
}

/** `YYYY-MM` of a month number (monthNumber). */
export function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${pad2((month % 12) + 1)}`;
}

/** Month and day of the n-th day (0-based) of a 365-day year. */
export function monthDayOfYear(index: number): { readonly month: number; readonly day: number } {
  let remaining = index;
  for (let month = 0; month < 12; month += 1) {
    const length = MONTH_LENGTHS[month] as number;
    if (remaining < length) return { month: month + 1, day: remaining + 1 };
    remaining -= length;
  }
  throw new RangeError(`day of year ${index} outside [0, 365)`);
}

/** Whether month/day a comes after month/day b within a year. */
export function isLaterInYear(a: { month: number; day: number }, b: { month: number; day: number }): boolean {
  return a.month > b.month || (a.month === b.month && a.day > b.day);
}
