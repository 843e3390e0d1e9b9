import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import { RATE_LIMIT_EXEMPT_ROLES, type Principal } from '../../common/auth/principal';
import { ErrorCode } from '../../common/errors';

export type RateLimit = (principal: Principal) => Promise<void>;

/**
 * A fixed window of `perMinute` GraphQL requests per principal (token subject and organisation),
 * in process memory: one gateway process. Beyond it: RATE_LIMITED with HTTP 429 and Retry-After.
 * Service roles (RATE_LIMIT_EXEMPT_ROLES) are not limited.
 */
export function rateLimitPerPrincipal(perMinute: number): RateLimit {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (principal) => {
    if (principal.roles.some((role) => RATE_LIMIT_EXEMPT_ROLES.includes(role))) return;
    try {
      await limiter.consume(`${principal.organisation}\u0000${principal.subject}`);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError(`Too many requests: at most ${perMinute} per minute`, {
        extensions: {
          code: ErrorCode.RATE_LIMITED,
          retryAfterSeconds,
          // Apollo Server reads a Map here; graphql-yoga's typings (pulled in by the playground) declare a record.
          http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) as unknown as Record<string, string> },
        },
      });
    }
  };
}
