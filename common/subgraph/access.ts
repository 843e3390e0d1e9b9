import { hasScope, regionDigits, type Principal, type Scope } from '../auth/principal';
import { forbidden } from '../errors';

/** Region code prefixes are 1 to 10 digits; anything else (an empty string, `%`) matches no region. */
const REGION_PREFIX = /^\d{1,10}$/;

/** The principal's regions as digit prefixes; null when it may read every region. */
export function regionPrefixes(principal: Principal): string[] | null {
  if (principal.regions === null) return null;
  return principal.regions.map(regionDigits).filter((prefix) => REGION_PREFIX.test(prefix));
}

export function inRegions(prefixes: readonly string[] | null, regionCode: string): boolean {
  return prefixes === null || prefixes.some((prefix) => regionCode.startsWith(prefix));
}

/** FORBIDDEN saying `what` unless the principal has one of `scopes`. */
export function requireScope(principal: Principal, scopes: readonly Scope[], what: string): void {
  if (!scopes.some((scope) => hasScope(principal, scope))) {
    throw forbidden(`${what} needs the ${scopes.join(' or ')} scope`);
  }
}
