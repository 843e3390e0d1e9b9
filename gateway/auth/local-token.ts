import { SignJWT } from 'jose';
import type { Role } from '../../common/auth/principal';
import type { Programme } from '../../common/programmes';
import { GATEWAY_AUDIENCE, LOCAL_ISSUER } from './verifier';

export interface LocalTokenRequest {
  readonly roles: readonly Role[];
  readonly subject: string;
  readonly organisation: string;
  readonly purpose: string;
  readonly regions?: readonly string[];
  readonly programmes?: readonly Programme[];
  /** Lifetime, e.g. `8h` (jose's time span syntax). */
  readonly expiresIn: string;
}

/** An HS256 token the gateway accepts when it runs with the same AUTH_JWT_SECRET: local runs and tests. */
export function signLocalToken(secret: string, request: LocalTokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { org: request.organisation, roles: request.roles, purpose: request.purpose };
  if (request.regions) claims['regions'] = request.regions;
  if (request.programmes) claims['programmes'] = request.programmes;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(GATEWAY_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(secret));
}
