import { GraphQLError } from 'graphql';

/** A register subgraph answered with a non-2xx status (thrown by callers that read the status themselves). */
export class SubgraphHttpError extends Error {
  constructor(
    readonly register: string,
    readonly status: number,
  ) {
    super(`${register} answered HTTP ${status}`);
    this.name = 'SubgraphHttpError';
  }
}

/** Socket-level failures undici reports in `cause.code`: the register was not reached, or dropped the connection. */
const CONNECTION_FAILURES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Gateway-side statuses that say "not now", not "never": a proxy or the register itself is overloaded or restarting. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** The HTTP status of a subgraph's non-2xx answer: RemoteGraphQLDataSource puts it in `extensions.response`. */
export function statusOf(error: unknown): number | null {
  if (error instanceof SubgraphHttpError) return error.status;
  if (error instanceof GraphQLError) {
    const status = (error.extensions['response'] as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number') return status;
  }
  return null;
}

// Read by shape, not `instanceof`: fetch's errors (TypeError, DOMException) may come from another
// realm than this module's Error (as under Jest), and `instanceof` would then miss them.
interface ErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
}

function shapeOf(error: unknown): ErrorShape | null {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : null;
}

function causeCode(error: unknown): string | null {
  let current = shapeOf(error);
  for (let depth = 0; depth < 4 && current; depth += 1) {
    if (typeof current.code === 'string' && CONNECTION_FAILURES.has(current.code)) return current.code;
    current = shapeOf(current.cause);
  }
  return null;
}

/** The attempt ran out of its per-subgraph time (AbortSignal.timeout rejects with a TimeoutError). */
function isTimeout(error: unknown): boolean {
  return shapeOf(error)?.name === 'TimeoutError';
}

/** undici's "terminated": the connection closed while the body was being read. */
function isTerminated(error: unknown): boolean {
  const shape = shapeOf(error);
  return shape?.name === 'TypeError' && shape.message === 'terminated';
}

/**
 * Worth another attempt of an idempotent operation: connection refused or reset (before or during
 * the response) or 502/503/504, failures that come fast and often pass. Never a 4xx (the request
 * itself is wrong or refused), never GraphQL errors in a 200 (the register answered), and not the
 * per-subgraph timeout: the request has already waited the whole timeout, a second wait would spend
 * the deadline the other registers' calls still need (the household's entity calls come after the
 * register probe), and a register that stays slow is the circuit breaker's to cut off.
 */
export function isRetryableFailure(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== null) return RETRYABLE_STATUSES.has(status);
  return !isTimeout(error) && (causeCode(error) !== null || isTerminated(error));
}

/**
 * A failure of the register rather than of the request, counted by its circuit breaker: every
 * retryable failure, any other 5xx, and an answer that is not a GraphQL response. A 4xx is the
 * gateway's or the caller's problem and says nothing about the register's health.
 */
export function isSourceFailure(error: unknown): boolean {
  // Cancelled by the gateway's own request deadline: the caller gave up, the register may be fine.
  if (shapeOf(error)?.name === 'AbortError') return false;
  const status = statusOf(error);
  if (status !== null) return status >= 500;
  return true;
}

/** How a failed attempt at a subgraph ended, as far as the transport can tell (a bounded set: it labels metrics). */
export type AttemptFailure = 'refused' | 'error' | 'unreachable' | 'timeout' | 'deadline';

/**
 * `refused`: the subgraph answered 4xx; `error`: it answered 5xx or something that is not a GraphQL
 * response; `unreachable`: no connection, or it dropped one; `timeout`: the attempt ran out of
 * SUBGRAPH_TIMEOUT_MS; `deadline`: the gateway request's deadline aborted it.
 */
export function attemptFailure(error: unknown): AttemptFailure {
  if (shapeOf(error)?.name === 'AbortError') return 'deadline';
  const status = statusOf(error);
  if (status !== null) return status < 500 ? 'refused' : 'error';
  if (isTimeout(error)) return 'timeout';
  if (causeCode(error) !== null || isTerminated(error)) return 'unreachable';
  return 'error';
}
