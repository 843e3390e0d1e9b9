import { ExponentialBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';

/**
 * Failures after which the same work can succeed on a new connection: the server went away (a
 * cluster node lost, the connection cut: the pool opens the next one to a node that is up), or a
 * Galera cluster turned the transaction away for now (a certification conflict, reported as a
 * deadlock; a node not yet ready after a view change, error 1047).
 */
const TRANSIENT_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ER_LOCK_DEADLOCK',
  'ER_UNKNOWN_COM_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);

/** Attempts after the first, and the first wait (doubling, with jitter, up to TRANSIENT_MAX_DELAY_MS). */
const TRANSIENT_RETRIES = 7;
const TRANSIENT_FIRST_DELAY_MS = 100;
const TRANSIENT_MAX_DELAY_MS = 8_000;

/** Whether `error` (a driver error, or TypeORM's QueryFailedError carrying one) is one of those failures. */
export function isTransientStoreError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError, errors } = error as { code?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  if (driverError !== undefined && driverError !== error) return isTransientStoreError(driverError);
  // Node reports a connection refused by every server of a host list as one AggregateError.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isTransientStoreError);
}

/**
 * Runs work again after a transient failure, waiting about 13 s in all at most: longer than a
 * Galera cluster takes to drop a lost node from its view. Anything else is thrown at once.
 */
export function transientStorePolicy(retries = TRANSIENT_RETRIES, firstDelayMs = TRANSIENT_FIRST_DELAY_MS): RetryPolicy {
  return retry(handleWhen(isTransientStoreError), {
    maxAttempts: retries,
    backoff: new ExponentialBackoff({ initialDelay: firstDelayMs, maxDelay: TRANSIENT_MAX_DELAY_MS }),
  });
}

/**
 * Runs `work` under the policy. `work` must be safe to run again: a transaction that failed on a
 * lost connection may have been committed by the cluster before the answer was lost, so it checks
 * what is stored first (see commitBatch).
 */
export function retryTransient<T>(work: (attempt: number) => Promise<T>, policy: RetryPolicy = transientStorePolicy()): Promise<T> {
  return policy.execute(({ attempt }) => work(attempt));
}
