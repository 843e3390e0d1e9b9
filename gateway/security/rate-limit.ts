import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import { principalKey, RATE_LIMIT_EXEMPT_ROLES, type Principal } from '../../common/auth/principal';
import { ErrorCode } from '../../common/errors';
import type { SharedState } from '../shared-state/redis-client';

/** Counts `points` (default 1: one request) against the principal's budget; throws RATE_LIMITED beyond it. */
export type RateLimit = (principal: Principal, points?: number) => Promise<void>;

/**
 * A fixed window of `perMinute` GraphQL requests per principal (token subject and organisation).
 * Beyond it: RATE_LIMITED with HTTP 429 and Retry-After. Service roles (RATE_LIMIT_EXEMPT_ROLES)
 * are not limited. Without `shared`, counted in process memory: one budget per gateway process.
 * With it, counted in Redis: one budget across every instance; while Redis is unreachable each
 * process counts in its own memory again (the insurance limiter) rather than refuse or wait.
 */
export function rateLimitPerPrincipal(perMinute: number, shared?: SharedState): RateLimit {
  const window = { points: perMinute, duration: 60 };
  const limiter: RateLimiterAbstract = shared
    ? new RateLimiterRedis({
        ...window,
        storeClient: shared.redis,
        keyPrefix: `${shared.keyPrefix}rate-limit`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(window),
      })
    : new RateLimiterMemory(window);
  return async (principal, points = 1) => {
    if (principal.roles.some((role) => RATE_LIMIT_EXEMPT_ROLES.includes(role))) return;
    try {
      await limiter.consume(principalKey(principal), points);
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
