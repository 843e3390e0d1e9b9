/**
 * How personal data looks to a principal without the `pii` scope: enough to recognise a record
 * one already knows (district and serial of a NIK, initials), not enough to find a person.
 */

/** `3171234567890002` becomes `3171********0002`; anything shorter than 12 characters is masked whole. */
export function maskIdentifier(value: string): string {
  if (value.length < 12) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** `Siti Nur Aminah` becomes `S. N. A.` */
export function maskName(value: string): string {
  return value
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0).toUpperCase()}.`)
    .join(' ');
}

/** `1971-11-03` becomes `1971-**-**`: the year, which the age shows anyway; day and month are digits 7-10 of the NIK. */
export function maskBirthDate(value: string): string {
  return `${value.slice(0, 4)}-**-**`;
}

export const MASKED_ADDRESS = '***';

export function maskAddress(_value: string): string {
  return MASKED_ADDRESS;
}
