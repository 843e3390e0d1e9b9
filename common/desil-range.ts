import { badUserInput } from './errors';

export interface DesilRange {
  readonly desilMin: number | null;
  readonly desilMax: number | null;
}

function desil(value: number | null | undefined, argumentName: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > 10) {
    throw badUserInput(`${argumentName} must be a desil from 1 to 10, got ${value}`, argumentName);
  }
  return value;
}

/**
 * A desil filter: each bound 1-10, the lower not above the upper. BAD_USER_INPUT names the field
 * as `name` spells it (`filter.desilMin` in GraphQL, `desilMin` in a query string); an inverted
 * range names the lower bound.
 */
export function parseDesilRange(
  min: number | null | undefined,
  max: number | null | undefined,
  name: (field: 'desilMin' | 'desilMax') => string,
): DesilRange {
  const desilMin = desil(min, name('desilMin'));
  const desilMax = desil(max, name('desilMax'));
  if (desilMin !== null && desilMax !== null && desilMin > desilMax) {
    throw badUserInput(`${name('desilMin')} (${desilMin}) must not be above ${name('desilMax')} (${desilMax})`, name('desilMin'));
  }
  return { desilMin, desilMax };
}
