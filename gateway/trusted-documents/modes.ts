import { isRole, ROLES, type Role } from '../../common/auth/principal';

/**
 * What the gateway does with an operation its caller's organisation has not registered:
 * - `off`: runs it, says nothing;
 * - `log`: runs it and logs its name and hash (never its variables);
 * - `enforce`: refuses it, OPERATION_NOT_REGISTERED (HTTP 403).
 */
export const TRUSTED_DOCUMENT_MODES = ['off', 'log', 'enforce'] as const;
export type TrustedDocumentMode = (typeof TRUSTED_DOCUMENT_MODES)[number];

export type TrustedDocumentModes = Readonly<Record<Role, TrustedDocumentMode>>;

/**
 * Partners' operations are logged, everyone else's run unchecked: a ministry sees in the logs what
 * it has yet to register before production, where docs/partners.md has it set `partner:enforce`.
 */
export const DEFAULT_TRUSTED_DOCUMENTS = 'partner:log,*:off';

const isMode = (value: string): value is TrustedDocumentMode => (TRUSTED_DOCUMENT_MODES as readonly string[]).includes(value);

/**
 * `TRUSTED_DOCUMENTS`: one mode for every role (`enforce`), or `role:mode` pairs separated by
 * commas, `*` naming every role not listed (`partner:enforce,analyst:log,*:off`; without `*` the
 * others are `off`). Throws naming the variable.
 */
export function trustedDocumentModesFrom(value: string, variable = 'TRUSTED_DOCUMENTS'): TrustedDocumentModes {
  const usage = `${variable} must be one of ${TRUSTED_DOCUMENT_MODES.join(', ')}, or role:mode pairs such as partner:enforce,*:off (roles: ${ROLES.join(', ')}, * for the rest)`;
  const trimmed = value.trim();
  if (isMode(trimmed)) return Object.freeze(Object.fromEntries(ROLES.map((role) => [role, trimmed])) as Record<Role, TrustedDocumentMode>);
  const listed = new Map<string, TrustedDocumentMode>();
  for (const pair of trimmed.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const [role, mode, ...rest] = pair.split(':').map((part) => part.trim());
    if (rest.length > 0 || role === undefined || mode === undefined || !isMode(mode) || !(role === '*' || isRole(role)) || listed.has(role)) {
      throw new Error(`${usage}; "${pair}" is not`);
    }
    listed.set(role, mode);
  }
  if (listed.size === 0) throw new Error(usage);
  const rest = listed.get('*') ?? 'off';
  return Object.freeze(Object.fromEntries(ROLES.map((role) => [role, listed.get(role) ?? rest])) as Record<Role, TrustedDocumentMode>);
}

/** A principal with several roles gets the strictest of their modes. */
export function trustedDocumentModeOf(roles: readonly Role[], modes: TrustedDocumentModes): TrustedDocumentMode {
  return roles.reduce<TrustedDocumentMode>((strictest, role) => (TRUSTED_DOCUMENT_MODES.indexOf(modes[role]) > TRUSTED_DOCUMENT_MODES.indexOf(strictest) ? modes[role] : strictest), 'off');
}
