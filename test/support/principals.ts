import { regionDigits, scopesOf, type Principal, type Role } from '../../common/auth/principal';
import { encodePrincipal, signRequest } from '../../common/auth/signature';
import { derivedSigningKey } from '../../common/auth/subgraph-keys';
import { ROLE_DEFAULTS } from '../../gateway/auth/role-tokens';

/** The signing secret the tests' gateways and subgraphs share. */
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** A principal as the gateway would sign it for a local token of this role (regions and programmes as `npm run token` gives them). */
export function testPrincipal(role: Role, overrides: Partial<Omit<Principal, 'scopes'>> = {}): Principal {
  const roles = overrides.roles ?? [role];
  const { regions, programmes } = ROLE_DEFAULTS[role];
  return {
    subject: `test-${role}`,
    organisation: 'Test organisation',
    regions: null,
    programmes: null,
    purpose: 'automated tests',
    operation: null,
    ...(regions ? { regions: regions.map(regionDigits) } : {}),
    ...(programmes ? { programmes } : {}),
    ...overrides,
    roles,
    scopes: scopesOf(roles),
  };
}

/** The key the tests' gateway signs calls to `subgraph` with: derived from TEST_SIGNING_SECRET. */
export function testSigningKey(subgraph: string): string {
  return derivedSigningKey(TEST_SIGNING_SECRET, subgraph);
}

/** Headers for a POST of `body` straight to a subgraph verifying `key`, signed as the gateway would sign it. */
export function signedJsonHeaders(key: string, body: string, principal: Principal = testPrincipal('indexer'), now = Date.now()): Record<string, string> {
  return { 'content-type': 'application/json', ...signRequest(key, encodePrincipal(principal), body, now) };
}
