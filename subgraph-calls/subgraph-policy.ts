// cockatiel, not opossum: one typed, dependency-free library gives the retry with exponential
// backoff and jitter (decorrelated jitter by default), the timeout that carries an AbortSignal into
// each attempt, and the circuit breaker, composed with `wrap`; opossum is a breaker only and
// would leave retry and backoff to hand-written code.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  noop,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import type { Logger } from '../common/logging/logger';
import { REGISTERS, type Register } from '../common/store-url';
import { attemptFailure, isRetryableFailure, isSourceFailure } from './failures';
import type { CallOutcome, SubgraphCallMetrics, SubgraphMetrics } from './subgraph-metrics';

export interface ResilienceSettings {
  /** Every subgraph call of one gateway request ends by then, retries and backoff included. */
  readonly requestDeadlineMs: number;
  /** Further attempts of a query after a retryable failure. */
  readonly retries: number;
  /** First backoff delay; later ones grow exponentially, with jitter, up to MAX_BACKOFF_MS. */
  readonly retryBaseDelayMs: number;
  /** Consecutive failures that open a subgraph's breaker. */
  readonly breakerThreshold: number;
  /** How long an open breaker fails fast before letting one probe call through (half-open). */
  readonly breakerHalfOpenMs: number;
}

/** A retry never waits longer than this, whatever the attempt number. */
const MAX_BACKOFF_MS = 2_000;

/** How the gateway's calls to the register subgraphs fare within one request. */
export interface SourceCalls {
  /** Epoch ms by which every register call of the request must be done, retries included. */
  readonly deadline: number;
  /**
   * Registers a call failed for in this request (after its retries, or with the breaker open). They
   * are not asked again within the request, and a null field of theirs in a representation means
   * "could not be asked", not "not held".
   */
  readonly unavailable: Set<Register>;
}

export function newSourceCalls(deadline = Number.POSITIVE_INFINITY): SourceCalls {
  return { deadline, unavailable: new Set() };
}

export interface CallOptions {
  /** Only idempotent operations (GraphQL queries) are retried; a mutation is attempted once. */
  readonly idempotent: boolean;
  /** The request's register calls; none when the call belongs to no gateway request. */
  readonly calls?: SourceCalls;
}

/** Thrown instead of asking a register a call of the same request already found unavailable. */
export class AlreadyUnavailableError extends Error {
  constructor(register: Register) {
    super(`${register} already failed in this request`);
    this.name = 'AlreadyUnavailableError';
  }
}

/** The calls to one register subgraph: retried, deadline-bound and guarded by that register's breaker. */
export interface SubgraphPolicy {
  call<T>(attempt: () => Promise<T>, options: CallOptions): Promise<T>;
  readonly state: () => 'closed' | 'open' | 'half-open';
}

const attemptSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * The signal of the running call's deadline, for the fetcher to abort with: the data source's
 * fetcher is called by Apollo's RemoteGraphQLDataSource, which passes no signal of its own.
 */
export function currentAttemptSignal(): AbortSignal | undefined {
  return attemptSignal.getStore();
}

/** Thrown instead of calling the register while its breaker is open. */
export function isBrokenCircuit(error: unknown): boolean {
  return error instanceof BrokenCircuitError;
}

/** Thrown when the request's deadline passed before the register answered. */
export function isDeadlineExceeded(error: unknown): boolean {
  return error instanceof TaskCancelledError;
}

const STATES: Readonly<Record<CircuitState, 'closed' | 'open' | 'half-open'>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * A subgraph the gateway calls over HTTP, by its name in subgraphs/registry.ts: a register, another
 * stored subgraph, or the dtsen subgraph when it runs as its own service (DTSEN_URL).
 */
export type RemoteSubgraph = string;

/** Only a register's failure makes dtsen read "could not be asked" (SourceCalls.unavailable). */
function isRegister(name: RemoteSubgraph): name is Register {
  return (REGISTERS as readonly string[]).includes(name);
}

function outcomeOf(error: unknown): CallOutcome {
  if (isBrokenCircuit(error)) return 'circuit_open';
  if (isDeadlineExceeded(error)) return 'deadline';
  return attemptFailure(error);
}

function policyFor(register: RemoteSubgraph, settings: ResilienceSettings, logger: Logger, metrics: SubgraphCallMetrics): SubgraphPolicy {
  const log = logger.child({ subgraph: register });
  const breaker: CircuitBreakerPolicy = circuitBreaker(handleWhen(isSourceFailure), {
    halfOpenAfter: settings.breakerHalfOpenMs,
    breaker: new ConsecutiveBreaker(settings.breakerThreshold),
  });
  breaker.onBreak(() => log.warn(`${register} circuit breaker opened: calls fail fast for ${settings.breakerHalfOpenMs} ms`));
  breaker.onHalfOpen(() => log.info(`${register} circuit breaker half-open: probing`));
  breaker.onReset(() => log.info(`${register} circuit breaker closed`));
  breaker.onStateChange((state) => metrics.breakerChanged(STATES[state]));
  // The breaker sits inside the retry, so every attempt counts and an open breaker is not retried.
  const retrying = retry(handleWhen(isRetryableFailure), {
    maxAttempts: settings.retries,
    backoff: new ExponentialBackoff({ initialDelay: settings.retryBaseDelayMs, maxDelay: MAX_BACKOFF_MS }),
  });
  retrying.onRetry(() => metrics.retried());

  return {
    async call<T>(attempt: () => Promise<T>, options: CallOptions): Promise<T> {
      const calls = options.calls;
      // One failed call per register and request: a second would wait for the same fault again.
      if (isRegister(register) && calls?.unavailable.has(register)) {
        metrics.called('skipped', null);
        throw new AlreadyUnavailableError(register);
      }
      const started = performance.now();
      // Set once the breaker lets an attempt through: a call that never reached the subgraph is not timed.
      let asked = false;
      const seconds = () => (asked ? (performance.now() - started) / 1000 : null);
      try {
        const remaining = (calls?.deadline ?? Number.POSITIVE_INFINITY) - Date.now();
        if (remaining <= 0) throw new TaskCancelledError(`the request deadline passed before ${register} was asked`);
        const deadline: IPolicy = Number.isFinite(remaining)
          ? timeout(remaining, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false })
          : noop;
        const policy = wrap(deadline, options.idempotent ? retrying : noop, breaker);
        const result = await policy.execute(({ signal }) => {
          asked = true;
          return attemptSignal.run(signal, attempt);
        });
        metrics.called('ok', seconds());
        return result;
      } catch (error) {
        metrics.called(outcomeOf(error), seconds());
        if (isRegister(register)) calls?.unavailable.add(register);
        throw error;
      }
    },
    state: () => STATES[breaker.state],
  };
}

/** The policy of the dtsen service's calls (DTSEN_URL); it never marks a register unavailable. */
export function createDtsenPolicy(settings: ResilienceSettings, logger: Logger, metrics: SubgraphMetrics): SubgraphPolicy {
  return policyFor('dtsen', settings, logger, metrics.of('dtsen'));
}

/**
 * One policy per subgraph called over HTTP (`names`: the registers, and for the gateway every other
 * stored subgraph too), shared by every request: the breakers must see all of a subgraph's calls.
 */
export function createSubgraphPolicies<Name extends string>(
  names: readonly Name[],
  settings: ResilienceSettings,
  logger: Logger,
  metrics: SubgraphMetrics,
): Readonly<Record<Name, SubgraphPolicy>> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, policyFor(name, settings, logger, metrics.of(name))])) as Record<Name, SubgraphPolicy>);
}
