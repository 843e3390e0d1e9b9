import type { Role } from '../../common/auth/principal';
import { signLocalToken, type LocalTokenRequest } from '../../gateway/auth/local-token';
import type { TokenSource } from '../../gateway/auth/verifier';
import { GATEWAY_AUDIENCE, LOCAL_ISSUER } from '../../gateway/auth/verifier';
import { ROLE_DEFAULTS } from '../../gateway/auth/role-tokens';
import { DEFAULT_MAX_TOKEN_LIFETIME_HOURS } from '../../gateway/auth/token-lifetime';

/** The HS256 secret the tests' gateways accept. */
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdefghij';

export const TEST_TOKEN_SOURCE: TokenSource = {
  kind: 'secret',
  secret: TEST_JWT_SECRET,
  issuer: LOCAL_ISSUER,
  audience: GATEWAY_AUDIENCE,
  maxLifetimeSeconds: DEFAULT_MAX_TOKEN_LIFETIME_HOURS * 3600,
};

/** A token for `roles` (defaults as npm run token gives them), signed for the tests' gateways. */
export function testToken(roles: Role | readonly Role[], overrides: Partial<Omit<LocalTokenRequest, 'roles'>> = {}): Promise<string> {
  const list = typeof roles === 'string' ? [roles] : roles;
  const defaults = Object.assign({}, ...list.map((role) => ROLE_DEFAULTS[role])) as { regions?: readonly string[]; programmes?: LocalTokenRequest['programmes'] };
  return signLocalToken(TEST_JWT_SECRET, {
    subject: `test-${list.join('-')}`,
    organisation: 'Test organisation',
    purpose: 'automated tests',
    expiresIn: '1h',
    ...defaults,
    ...overrides,
    roles: list,
  });
}

/**
 * Every scope but `audit`, all regions: what most behaviour tests of the data itself need, so that
 * their answers are unmasked and complete.
 */
export function fullAccessToken(): Promise<string> {
  return testToken(['indexer', 'analyst']);
}
