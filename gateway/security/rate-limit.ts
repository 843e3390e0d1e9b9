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
  const limiter = principalLimiter({ points: perMinute, duration: 60 }, 'rate-limit', shared);
  return async (principal, points = 1) => {
    if (isRateLimitExempt(principal)) return;
    try {
      await limiter.consume(principalKey(principal), points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimited(`Too many requests: at most ${perMinute} per minute`, rejection.msBeforeNext);
    }
  };
}

/** Service roles (RATE_LIMIT_EXEMPT_ROLES) the per-principal limits do not apply to. */
export function isRateLimitExempt(principal: Principal): boolean {
  return principal.roles.some((role) => RATE_LIMIT_EXEMPT_ROLES.includes(role));
}

/**
 * Points per principal in a fixed window: in process memory, or with `shared` in Redis under
 * `<prefix><name>`, one count across every instance, falling back to memory while Redis is away.
 */
export function principalLimiter(window: { readonly points: number; readonly duration: number }, name: string, shared?: SharedState): RateLimiterAbstract {
  if (!shared) return new RateLimiterMemory(window);
  return new RateLimiterRedis({
    ...window,
    storeClient: shared.redis,
    keyPrefix: `${shared.keyPrefix}${name}`,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(window),
  });
}

/** RATE_LIMITED, HTTP 429 with Retry-After: the caller may try again in `msBeforeNext`. */
export function rateLimited(message: string, msBeforeNext: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds,
      // Apollo Server reads a Map here; graphql-yoga's typings (pulled in by the playground) declare a record.
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) as unknown as Record<string, string> },
    },
  });
}
