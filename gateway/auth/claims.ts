import {
  isRole,
  PROGRAMME_BOUND_ROLES,
  REGION_BOUND_ROLES,
  regionDigits,
  scopesOf,
  type Principal,
  type Role,
} from '../../common/auth/principal';
import { isProgramme, type Programme } from '../../common/programmes';

/**
 * The claims a DTSEN token carries besides the registered ones (`sub`, `iss`, `aud`, `exp`):
 * `org`, `roles`, `purpose`, and optionally `regions` (prefixes such as `31.72`) and `programmes`.
 */
export interface DtsenClaims {
  readonly sub?: unknown;
  readonly org?: unknown;
  readonly roles?: unknown;
  readonly regions?: unknown;
  readonly programmes?: unknown;
  readonly purpose?: unknown;
}

/** Province `31`, city `31.72`, district `31.72.01`, village `31.72.01.1001`, dotted or not. */
const REGION_PREFIX = /^\d{2}(\.?\d{2}(\.?\d{2}(\.?\d{4})?)?)?$/;

export class ClaimsError extends Error {}

function nonEmptyString(value: unknown, claim: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ClaimsError(`the token has no ${claim} claim`);
  return value;
}

function stringList(value: unknown, claim: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
    throw new ClaimsError(`the token's ${claim} claim must be a non-empty list of strings`);
  }
  return value as string[];
}

/** The principal a verified token describes; ClaimsError when the claims do not make one. */
export function principalFromClaims(claims: DtsenClaims, operation: string | null): Principal {
  const subject = nonEmptyString(claims.sub, 'sub');
  const organisation = nonEmptyString(claims.org, 'org');
  const purpose = nonEmptyString(claims.purpose, 'purpose');
  const roleNames = stringList(claims.roles, 'roles') ?? [];
  const unknownRole = roleNames.find((role) => !isRole(role));
  if (roleNames.length === 0) throw new ClaimsError('the token has no roles claim');
  if (unknownRole !== undefined) throw new ClaimsError(`the token names an unknown role "${unknownRole}"`);
  const roles = roleNames as Role[];

  const regionClaims = stringList(claims.regions, 'regions');
  const badRegion = regionClaims?.find((prefix) => !REGION_PREFIX.test(prefix));
  if (badRegion !== undefined) throw new ClaimsError(`the token's region "${badRegion}" is not a region code prefix`);
  const regions = regionClaims ? regionClaims.map(regionDigits) : null;
  const boundToRegions = roles.find((role) => REGION_BOUND_ROLES.includes(role));
  if (boundToRegions && regions === null) throw new ClaimsError(`a ${boundToRegions} token must name its regions`);

  const programmeClaims = stringList(claims.programmes, 'programmes');
  const badProgramme = programmeClaims?.find((programme) => !isProgramme(programme));
  if (badProgramme !== undefined) throw new ClaimsError(`the token names an unknown programme "${badProgramme}"`);
  const boundToProgrammes = roles.find((role) => PROGRAMME_BOUND_ROLES.includes(role));
  if (boundToProgrammes && programmeClaims === null) throw new ClaimsError(`a ${boundToProgrammes} token must name its programmes`);

  return Object.freeze({
    subject,
    organisation,
    roles: Object.freeze(roles),
    scopes: Object.freeze(scopesOf(roles)),
    regions: regions && Object.freeze(regions),
    programmes: programmeClaims && Object.freeze(programmeClaims as Programme[]),
    purpose,
    operation,
  });
}
