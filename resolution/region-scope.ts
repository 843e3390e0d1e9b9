import type { ObjectLiteral } from 'typeorm';

/**
 * The region code prefixes (digits) the asking principal may see; null: every region. Every read
 * takes it, so no caller can forget it: families outside are neither listed nor counted, and a
 * family without a region code lies in no limited scope.
 */
export type RegionScope = readonly string[] | null;

/** A WHERE condition and its parameters. */
export interface Condition {
  readonly sql: string;
  readonly parameters?: ObjectLiteral;
}

/** `<alias>.region_code` within one of the prefixes; the intersection with a filter's prefix is the AND of both. */
export function scopeCondition(scope: RegionScope, alias = 'h'): Condition[] {
  if (scope === null) return [];
  if (scope.length === 0) return [{ sql: '1 = 0' }];
  // The prefixes go into LIKE patterns, where `%` and `_` would widen the scope.
  const invalid = scope.find((prefix) => !/^\d{1,10}$/.test(prefix));
  if (invalid !== undefined) throw new Error(`A region scope holds digit prefixes only, not "${invalid}"`);
  const parameters = Object.fromEntries(scope.map((prefix, index) => [`scope${index}`, `${prefix}%`]));
  return [{ sql: `(${scope.map((_, index) => `${alias}.region_code LIKE :scope${index}`).join(' OR ')})`, parameters }];
}
