import { ageOn } from '../../../common/identifiers';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole years at `on`; null when the birth date is not a YYYY-MM-DD date. */
export function ageAt(birthDate: string, on: Date): number | null {
  if (!ISO_DATE.test(birthDate)) return null;
  const age = ageOn(birthDate, on);
  return Number.isFinite(age) ? age : null;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
