import { checkNik, isSixteenDigits } from '../identifiers';
import { findRegion, isKnownRegency } from '../regions';

/** Why one field of a row cannot be stored; the row is rejected with it. */
export class FieldProblem extends Error {}

export interface ParseContext {
  /** Birth and other dates may not be after this day. */
  readonly today: Date;
}

/** How one column's text becomes a record value and back; `parse` throws a FieldProblem. */
export interface Codec<Value> {
  parse(text: string, context: ParseContext): Value;
  format(value: Value): string;
}

const problem = (message: string): never => {
  throw new FieldProblem(message);
};

export function text(maxLength: number, required = true): Codec<string> {
  return {
    parse(value) {
      if (required && value.trim() === '') problem('is empty');
      if (value.length > maxLength) problem(`is longer than ${maxLength} characters (${value.length})`);
      return value;
    },
    format: (value) => value,
  };
}

/** Exactly `count` digits, as text (RT, RW). */
export function digits(count: number): Codec<string> {
  const pattern = new RegExp(`^\\d{${count}}$`);
  return {
    parse: (value) => (pattern.test(value) ? value : problem(`must be ${count} digits, got "${value}"`)),
    format: (value) => value,
  };
}

export function integer(low: number, high: number): Codec<number> {
  return {
    parse(value) {
      if (!/^-?\d{1,15}$/.test(value)) return problem(`must be a whole number from ${low} to ${high}, got "${value}"`);
      const number = Number(value);
      return number >= low && number <= high ? number : problem(`must be from ${low} to ${high}, got ${number}`);
    },
    format: (value) => String(value),
  };
}

/** Empty text is null (a question not asked, a value not known). */
export function optional<Value>(codec: Codec<Value>): Codec<Value | null> {
  return {
    parse: (value, context) => (value === '' ? null : codec.parse(value, context)),
    format: (value) => (value === null ? '' : codec.format(value)),
  };
}

/** 1 yes, 0 no. */
export const flag: Codec<boolean> = {
  parse: (value) => (value === '1' ? true : value === '0' ? false : problem(`must be 1 or 0, got "${value}"`)),
  format: (value) => (value ? '1' : '0'),
};

export function choice<Value extends string>(values: readonly Value[]): Codec<Value> {
  return {
    parse: (value) => ((values as readonly string[]).includes(value) ? (value as Value) : problem(`must be one of ${values.join(', ')}, got "${value}"`)),
    format: (value) => value,
  };
}

const EARLIEST_YEAR = 1900;

/** YYYY-MM-DD, a real day from 1900 up to today. */
export const date: Codec<string> = {
  parse(value, context) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
      return problem(`must be a date as YYYY-MM-DD, got "${value}"`);
    }
    if (parsed.getUTCFullYear() < EARLIEST_YEAR) return problem(`is before ${EARLIEST_YEAR}: ${value}`);
    if (parsed.getTime() > context.today.getTime()) return problem(`is in the future: ${value}`);
    return value;
  },
  format: (value) => value,
};

export const nik: Codec<string> = {
  parse(value, context) {
    const check = checkNik(value, context.today);
    return check.valid ? value : problem(`is not a valid NIK (${check.problem}): "${value}"`);
  },
  format: (value) => value,
};

/** 16 digits with a known regency and a non-zero serial (the middle six are the issue date). */
export const noKK: Codec<string> = {
  parse(value) {
    if (!isSixteenDigits(value)) return problem(`must be 16 digits, got "${value}"`);
    if (!isKnownRegency(value) || value.slice(4, 6) === '00') return problem(`has an unknown region prefix ${value.slice(0, 6)}`);
    if (value.slice(12) === '0000') return problem('has serial 0000');
    return value;
  },
  format: (value) => value,
};

/** A 10-digit village code Kemendagri lists (common/regions). */
export const villageCode: Codec<string> = {
  parse(value) {
    if (!/^\d{10}$/.test(value)) return problem(`must be a 10-digit village code, got "${value}"`);
    if (!isKnownRegency(value)) return problem(`has an unknown regency ${value.slice(0, 4)}`);
    if (findRegion(value) === undefined) return problem(`is not a village Kemendagri lists: ${value}`);
    return value;
  },
  format: (value) => value,
};

/** A list in one field: items separated by `;`, each item's parts by `:`. */
export function list<Item>(parts: number, item: { parse(parts: string[], context: ParseContext): Item; format(item: Item): string[] }): Codec<Item[]> {
  return {
    parse(value, context) {
      if (value === '') return [];
      return value.split(';').map((entry) => {
        const pieces = entry.split(':');
        if (pieces.length !== parts) problem(`item "${entry}" must have ${parts} parts separated by ":"`);
        return item.parse(pieces, context);
      });
    },
    format: (items) => items.map((entry) => item.format(entry).join(':')).join(';'),
  };
}
