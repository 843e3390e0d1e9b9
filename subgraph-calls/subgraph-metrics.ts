import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AttemptFailure } from './failures';

/**
 * How a call to a subgraph ended, after its retries: `ok` (it answered, GraphQL errors or not), an
 * AttemptFailure of its last attempt, `circuit_open` (failed fast, not asked), or `skipped` (not
 * asked: it already failed earlier in the same gateway request).
 */
export type CallOutcome = 'ok' | AttemptFailure | 'circuit_open' | 'skipped';

const OUTCOMES: readonly CallOutcome[] = ['ok', 'error', 'refused', 'unreachable', 'timeout', 'deadline', 'circuit_open', 'skipped'];

export type BreakerState = 'closed' | 'half-open' | 'open';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'half-open', 'open'];

/** The metrics of the calls to one subgraph, recorded by its policy (subgraph-policy.ts). */
export interface SubgraphCallMetrics {
  /** One call ended; `seconds` from its start to its end, retries included, or null when the subgraph was never asked. */
  called(outcome: CallOutcome, seconds: number | null): void;
  /** An attempt failed and is tried again. */
  retried(): void;
  breakerChanged(state: BreakerState): void;
}

/** One set of subgraph call metrics in a registry; `of` gives each subgraph's, whose series start at zero. */
export interface SubgraphMetrics {
  of(subgraph: string): SubgraphCallMetrics;
}

/**
 * Labels are the subgraph's name (dtks, regsosek, p3ke, dtsen) and the fixed sets above, never
 * anything of the request. The breaker's state is one series per state, 1 for the current one:
 * summed over the workers of a cluster (common/metrics/cluster-metrics.ts) it counts the processes
 * whose breaker is in each state, where a single 0/1/2 value would add up to nonsense.
 */
export function createSubgraphMetrics(registry: Registry): SubgraphMetrics {
  const calls = new Counter({
    name: 'dtsen_subgraph_calls_total',
    help: 'Calls to a subgraph, by how they ended after their retries',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'dtsen_subgraph_call_duration_seconds',
    help: 'Time of a call to a subgraph that was asked, retries and backoff included',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: 'dtsen_subgraph_retries_total',
    help: 'Attempts at a subgraph made again after a retryable failure',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });
  const breaker = new Gauge({
    name: 'dtsen_subgraph_circuit_breaker_state',
    help: 'Circuit breaker of a subgraph: 1 for the state it is in, 0 for the others',
    labelNames: ['subgraph', 'state'] as const,
    registers: [registry],
  });

  return {
    of(subgraph) {
      const breakerChanged = (state: BreakerState) => {
        for (const each of BREAKER_STATES) breaker.set({ subgraph, state: each }, each === state ? 1 : 0);
      };
      for (const outcome of OUTCOMES) calls.inc({ subgraph, outcome }, 0);
      retries.inc({ subgraph }, 0);
      duration.zero({ subgraph });
      breakerChanged('closed');
      return {
        called(outcome, seconds) {
          calls.inc({ subgraph, outcome });
          if (seconds !== null) duration.observe({ subgraph }, seconds);
        },
        retried: () => retries.inc({ subgraph }),
        breakerChanged,
      };
    },
  };
}
