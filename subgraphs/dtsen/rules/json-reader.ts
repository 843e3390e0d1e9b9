// Small readers for a hand-edited JSON file: each names the path of what is wrong, so a typo in a
// rule set fails at start-up with the parameter it concerns rather than as a wrong benefit later.

export class RuleSetFormatError extends Error {}

function fail(path: string, problem: string): never {
  throw new RuleSetFormatError(`${path} ${problem}`);
}

/** An object with exactly `keys`: a missing parameter or an unknown (misspelt) one is an error. */
export function readObject(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  const record = value as Record<string, unknown>;
  for (const key of keys) if (!(key in record)) fail(`${path}.${key}`, 'is missing');
  for (const key of Object.keys(record)) if (!keys.includes(key)) fail(`${path}.${key}`, 'is not a known parameter');
  return record;
}

export function readArray(value: unknown, path: string, minLength = 0): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  if (value.length < minLength) fail(path, `must have at least ${minLength} entr${minLength === 1 ? 'y' : 'ies'}`);
  return value;
}

export function readInteger(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, max === Number.MAX_SAFE_INTEGER ? `must be an integer of at least ${min}` : `must be an integer ${min}-${max}`);
  }
  return value;
}

export function readNullableInteger(value: unknown, path: string, min: number, max?: number): number | null {
  return value === null ? null : readInteger(value, path, min, max);
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'must be a non-empty string');
  return value;
}

export function readOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A further condition on values already read. */
export function check(condition: boolean, path: string, problem: string): void {
  if (!condition) fail(path, problem);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
