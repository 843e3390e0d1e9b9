import { makeValidator } from 'envalid';

/** `npm start` and `npm run token` make 12-hour tokens, the longest the project itself makes. */
export const DEFAULT_MAX_TOKEN_LIFETIME_HOURS = 12;

/**
 * Leeway over the cap: the issuer's clock may run ahead of the gateway's, and jose sets `iat` and
 * `exp` from two readings of the clock, a second apart at times.
 */
const LEEWAY_SECONDS = 60;

/** Strict where envalid's `num` reads `30m` as 30: a time span written here must not become hours. */
const positiveHours = makeValidator((input: string): number => {
  const value = Number(input);
  if (!/^\d+(\.\d+)?$/.test(input.trim()) || !(value > 0)) throw new Error('must be a positive number of hours such as 12 or 0.5');
  return value;
});

export const TOKEN_LIFETIME_SPECS = {
  AUTH_MAX_TOKEN_LIFETIME_HOURS: positiveHours({
    default: DEFAULT_MAX_TOKEN_LIFETIME_HOURS,
    desc: 'Longest token lifetime accepted, hours: exp at most this far from now (and from iat when present)',
  }),
};

/** AUTH_MAX_TOKEN_LIFETIME_HOURS in seconds. */
export function maxTokenLifetimeSecondsFrom(parsed: { AUTH_MAX_TOKEN_LIFETIME_HOURS: number }): number {
  return Math.round(parsed.AUTH_MAX_TOKEN_LIFETIME_HOURS * 3600);
}

function hours(seconds: number): string {
  const value = seconds / 3600;
  return `${value} hour${value === 1 ? '' : 's'}`;
}

/**
 * Why a verified token lives too long, or null: a stolen token must not serve for years. Refused
 * when it expires further than `maxSeconds` from now, or, when it says when it was issued, when it
 * was issued for longer than that.
 */
export function tokenLifetimeProblem(claims: { readonly exp?: number; readonly iat?: number }, maxSeconds: number, nowSeconds = Date.now() / 1000): string | null {
  const { exp, iat } = claims;
  if (exp === undefined) return 'the token has no exp claim';
  if (iat !== undefined && exp - iat > maxSeconds + LEEWAY_SECONDS) return `the token is issued for longer than the ${hours(maxSeconds)} accepted`;
  if (exp - nowSeconds > maxSeconds + LEEWAY_SECONDS) return `the token expires later than ${hours(maxSeconds)} from now, the longest lifetime accepted`;
  return null;
}
