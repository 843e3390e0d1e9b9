/**
 * Who is asking, and for what. The gateway builds it from a verified token and signs it to the
 * subgraphs (signature.ts); every subgraph and the dtsen resolvers decide from it alone.
 */

import type { Programme } from '../programmes';

/**
 * - `lookup`: `household`, `person` and the entity fields under them
 * - `search`: `households`, the register listings and the CSV export
 * - `statistics`: `statistics` and the dashboard
 * - `pii`: NIK, No. KK, names and addresses unmasked
 * - `sensitive`: disability, health and pregnancy fields
 * - `audit`: `auditTrail`
 * - `propose`: `proposeChange`, and `submitChange` and `cancelChange` of one's own proposals
 * - `verify`: `verifyChange` and `rejectChange` of others' proposals
 */
export const SCOPES = ['lookup', 'search', 'statistics', 'pii', 'sensitive', 'audit', 'propose', 'verify'] as const;
export type Scope = (typeof SCOPES)[number];

/** `indexer` is the resolution run's service role, not a person's; `verifier` is a Dinsos officer verifying change requests. */
export const ROLES = ['frontend', 'analyst', 'caseworker', 'partner', 'auditor', 'indexer', 'verifier'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = Object.freeze({
  frontend: ['lookup'],
  analyst: ['lookup', 'search', 'statistics'],
  caseworker: ['lookup', 'search', 'statistics', 'pii', 'sensitive', 'propose'],
  partner: ['lookup', 'pii'],
  auditor: ['audit', 'pii'],
  indexer: ['lookup', 'search', 'pii', 'sensitive'],
  verifier: ['lookup', 'search', 'pii', 'verify'],
});

/**
 * Service roles the per-principal rate limit does not apply to: the resolution run pages through
 * every family as fast as the gateway answers, and stopping it halfway helps nobody.
 */
export const RATE_LIMIT_EXEMPT_ROLES: readonly Role[] = ['indexer'];

/** Roles whose tokens must name the regions (caseworker, verifier) or programmes (partner) they are limited to. */
export const REGION_BOUND_ROLES: readonly Role[] = ['caseworker', 'verifier'];
export const PROGRAMME_BOUND_ROLES: readonly Role[] = ['partner'];

export interface Principal {
  /** The token's subject: a user or service id. */
  readonly subject: string;
  readonly organisation: string;
  readonly roles: readonly Role[];
  /** The union of the roles' scopes. */
  readonly scopes: readonly Scope[];
  /** Region code prefixes, digits only (e.g. `3172`); null: every region. */
  readonly regions: readonly string[] | null;
  /** Programmes whose fields a partner may see; null: every programme. */
  readonly programmes: readonly Programme[] | null;
  /** The declared purpose of the access (UU 27/2022 purpose limitation), kept in the audit trail. */
  readonly purpose: string;
  /** The client's operation name, kept in the audit trail; null when it gave none. */
  readonly operation: string | null;
}

/** One caller, as the rate limit and the concurrency share count it: organisation and subject. */
export function principalKey(principal: Principal): string {
  return `${principal.organisation}\u0000${principal.subject}`;
}

export function scopesOf(roles: readonly Role[]): Scope[] {
  return SCOPES.filter((scope) => roles.some((role) => ROLE_SCOPES[role].includes(scope)));
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.includes(scope);
}

/** `31.72` and `3172` name the same region; prefixes are kept as digits. */
export function regionDigits(prefix: string): string {
  return prefix.replace(/\./g, '');
}

/** Whether a 10-digit village code lies in one of the principal's regions. */
export function regionAllowed(principal: Principal, regionCode: string): boolean {
  return principal.regions === null || principal.regions.some((prefix) => regionCode.startsWith(prefix));
}

/** Whether a partner limited to some programmes may see this one. */
export function programmeAllowed(principal: Principal, programme: string): boolean {
  return principal.programmes === null || (principal.programmes as readonly string[]).includes(programme);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
