import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../../common/auth/principal';
import { unauthenticated } from '../../common/errors';
import type { RateLimit } from '../security/rate-limit';
import { AuthenticationError, type TokenVerifier } from './verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The principal of a request, or a GraphQLError to answer it with (UNAUTHENTICATED, RATE_LIMITED).
 * `points`: what the request costs against the rate limit (default 1; a persisted query registration costs more).
 */
export type Admission = (headers: IncomingHttpHeaders, operation: string | null, points?: number) => Promise<Principal>;

/**
 * Every request to the gateway passes here: its `Authorization: Bearer` token is verified, and the
 * principal it names is counted against the rate limit. A verification failure is UNAUTHENTICATED
 * saying what is wrong with the token; anything else (a JWKS endpoint down) is thrown as it is.
 */
export function createAdmission(verifier: TokenVerifier, rateLimit: RateLimit): Admission {
  return async (headers, operation, points = 1) => {
    const header = headers.authorization;
    if (header === undefined || header === '') throw unauthenticated('Send a token: Authorization: Bearer <token>');
    const match = BEARER.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let principal: Principal;
    try {
      principal = await verifier(match[1] as string, operation);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(`Invalid token: ${error.message}`);
      throw error;
    }
    await rateLimit(principal, points);
    return principal;
  };
}
