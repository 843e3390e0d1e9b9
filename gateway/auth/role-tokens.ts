import type { Role } from '../../common/auth/principal';
import type { Programme } from '../../common/programmes';
import { signLocalToken } from './local-token';

/** What `npm start` and `npm run token` put in a role's local token unless told otherwise. */
export const ROLE_DEFAULTS: Readonly<Record<Role, { readonly regions?: readonly string[]; readonly programmes?: readonly Programme[] }>> = {
  frontend: {},
  analyst: {},
  caseworker: { regions: ['31.71'] },
  partner: { programmes: ['PBI_JK'] },
  auditor: {},
  indexer: {},
  verifier: { regions: ['31.71'] },
};

export interface RoleTokenOptions {
  readonly role: Role;
  readonly regions?: readonly string[];
  readonly programmes?: readonly Programme[];
  readonly purpose?: string;
  readonly subject?: string;
  readonly organisation?: string;
  readonly expiresIn?: string;
}

/** A local token for one role, with that role's defaults filled in. */
export function localRoleToken(secret: string, options: RoleTokenOptions): Promise<string> {
  const defaults = ROLE_DEFAULTS[options.role];
  const regions = options.regions ?? defaults.regions;
  const programmes = options.programmes ?? defaults.programmes;
  return signLocalToken(secret, {
    roles: [options.role],
    subject: options.subject ?? `local-${options.role}`,
    organisation: options.organisation ?? 'Local development',
    purpose: options.purpose ?? 'local development and testing',
    ...(regions ? { regions } : {}),
    ...(programmes ? { programmes } : {}),
    expiresIn: options.expiresIn ?? '12h',
  });
}
