import { ExponentialBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { GatewayAnswerError } from './gateway-client';

/** Attempts of a page after its first, and the first wait (doubling, with jitter, up to PAGE_RETRY_MAX_DELAY_MS). */
export const DEFAULT_PAGE_RETRIES = 4;
export const DEFAULT_PAGE_RETRY_DELAY_MS = 1_000;
const PAGE_RETRY_MAX_DELAY_MS = 16_000;

/**
 * A page the gateway answered only with SOURCE_UNAVAILABLE (a register slow, restarting or behind
 * an open circuit breaker) is asked again after a wait, which outlasts a breaker's 10 s half-open
 * time, before the run gives up on it: a night's run over the nation must not stop for a blip of one
 * register. Any other error (bad input, a refusal, a partial answer of another kind) fails at once.
 */
export function pageRetryPolicy(retries = DEFAULT_PAGE_RETRIES, initialDelayMs = DEFAULT_PAGE_RETRY_DELAY_MS): RetryPolicy {
  return retry(
    handleWhen((error) => error instanceof GatewayAnswerError && error.unavailableOnly()),
    { maxAttempts: retries, backoff: new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: PAGE_RETRY_MAX_DELAY_MS }) },
  );
}
