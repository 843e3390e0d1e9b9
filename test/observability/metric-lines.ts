/** The lines of a /metrics text whose names start with `prefix`, less histogram buckets and sums (timings). */
export function samples(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix) && !/_bucket\{|_sum[{ ]/.test(line));
}

const OUTCOMES = ['ok', 'error', 'refused', 'unreachable', 'timeout', 'deadline', 'circuit_open', 'skipped'] as const;
const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;

export interface SubgraphCounts {
  readonly outcomes?: Partial<Record<(typeof OUTCOMES)[number], number>>;
  /** Calls that asked the subgraph, so were timed. */
  readonly timed?: number;
  readonly retries?: number;
  readonly breaker?: (typeof BREAKER_STATES)[number];
}

/**
 * Every line of the subgraph call metrics (samples with prefix `dtsen_subgraph_`) for `subgraphs`
 * in the order the gateway created them, as /metrics lists them: metric by metric, each subgraph's
 * series within it. Counts not given are 0; a breaker not given is closed.
 */
export function subgraphLines(subgraphs: Readonly<Record<string, SubgraphCounts>>): string[] {
  const each = Object.entries(subgraphs);
  return [
    ...each.flatMap(([subgraph, counts]) => OUTCOMES.map((outcome) => `dtsen_subgraph_calls_total{subgraph="${subgraph}",outcome="${outcome}"} ${counts.outcomes?.[outcome] ?? 0}`)),
    ...each.map(([subgraph, counts]) => `dtsen_subgraph_call_duration_seconds_count{subgraph="${subgraph}"} ${counts.timed ?? 0}`),
    ...each.map(([subgraph, counts]) => `dtsen_subgraph_retries_total{subgraph="${subgraph}"} ${counts.retries ?? 0}`),
    ...each.flatMap(([subgraph, counts]) =>
      BREAKER_STATES.map((state) => `dtsen_subgraph_circuit_breaker_state{subgraph="${subgraph}",state="${state}"} ${state === (counts.breaker ?? 'closed') ? 1 : 0}`),
    ),
  ];
}
