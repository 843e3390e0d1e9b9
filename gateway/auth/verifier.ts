import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from '../../common/auth/principal';
import { ClaimsError, principalFromClaims, type DtsenClaims } from './claims';
import { tokenLifetimeProblem } from './token-lifetime';

/**
 * Where tokens come from: a shared secret (local runs) or an identity provider's JWKS (production),
 * and the longest lifetime accepted (AUTH_MAX_TOKEN_LIFETIME_HOURS).
 */
export type TokenSource = (
  | { readonly kind: 'secret'; readonly secret: string; readonly issuer: string; readonly audience: string }
  | { readonly kind: 'jwks'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string }
) & { readonly maxLifetimeSeconds: number };

export const LOCAL_ISSUER = 'dtsen-local';
export const GATEWAY_AUDIENCE = 'dtsen-gateway';

export class AuthenticationError extends Error {}

export type TokenVerifier = (token: string, operation: string | null) => Promise<Principal>;

/**
 * Verifies a bearer token's signature, issuer, audience and expiry (jose), its lifetime, then its DTSEN claims.
 * Only the algorithms of the source are accepted, so a token cannot pick `none` or swap HS256
 * for RS256.
 */
export function createTokenVerifier(source: TokenSource): TokenVerifier {
  // A key object made once: given the secret's bytes, jose would import them on every request.
  const key: KeyObject | JWTVerifyGetKey = source.kind === 'secret' ? createSecretKey(Buffer.from(source.secret)) : createRemoteJWKSet(new URL(source.jwksUrl));
  const algorithms = source.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'];
  return async (token, operation) => {
    let claims: DtsenClaims & JWTPayload;
    try {
      const verified = await jwtVerify(token, key as KeyObject, {
        issuer: source.issuer,
        audience: source.audience,
        algorithms,
        requiredClaims: ['exp'],
      });
      claims = verified.payload;
    } catch (error) {
      throw new AuthenticationError(reason(error));
    }
    const tooLong = tokenLifetimeProblem(claims, source.maxLifetimeSeconds);
    if (tooLong !== null) throw new AuthenticationError(tooLong);
    try {
      return principalFromClaims(claims, operation);
    } catch (error) {
      if (error instanceof ClaimsError) throw new AuthenticationError(error.message);
      throw error;
    }
  };
}

/** A client-safe reason: which check failed, never the key material or the provider's answer. */
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not match';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token cannot be verified';
}
