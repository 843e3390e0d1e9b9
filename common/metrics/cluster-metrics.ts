import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { ServiceMetrics } from './service-metrics';

const REQUEST = 'dtsen:cluster-metrics-request';
const ANSWER = 'dtsen:cluster-metrics-answer';
/** prom-client's primary gives up on a worker after 5 s; this waits a little longer for its answer. */
const ANSWER_TIMEOUT_MS = 6_000;

interface Request {
  readonly type: typeof REQUEST;
  readonly id: number;
}

interface Answer {
  readonly type: typeof ANSWER;
  readonly id: number;
  readonly metrics?: string;
  readonly error?: string;
}

function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/**
 * In the cluster primary: answers a worker's request for the cluster's metrics with prom-client's
 * aggregate of every worker (AggregatorRegistry.clusterMetrics: counters and histograms summed,
 * process metrics by their own rules). Workers share the listening port, so Prometheus reaches one
 * of them at random; each asks the primary, which is the only process that can ask them all.
 */
export function answerClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage<Request>(message, REQUEST)) return;
    const answer = (fields: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...fields } satisfies Answer);
    };
    aggregator.clusterMetrics().then(
      (metrics) => answer({ metrics }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/**
 * In a cluster worker: `metrics` whose GET /metrics serves the whole cluster's, asked of the primary
 * (answerClusterMetrics), and whose registry the primary aggregates. What the app records still goes
 * to its own registry.
 */
export function clusterWide(metrics: ServiceMetrics): ServiceMetrics {
  AggregatorRegistry.setRegistries([metrics.registry]);
  // Constructed for its side effect: it answers the primary's prom-client requests for this worker's metrics.
  new AggregatorRegistry();
  const waiting = new Map<number, { resolve: (metrics: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  process.on('message', (message: unknown) => {
    if (!isMessage<Answer>(message, ANSWER)) return;
    const request = waiting.get(message.id);
    if (!request) return;
    waiting.delete(message.id);
    if (message.metrics !== undefined) request.resolve(message.metrics);
    else request.reject(new Error(`the cluster's metrics could not be gathered: ${message.error ?? 'no answer'}`));
  });
  const ask = () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the cluster primary did not send the metrics within ${ANSWER_TIMEOUT_MS} ms`));
      }, ANSWER_TIMEOUT_MS);
      waiting.set(id, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      process.send?.({ type: REQUEST, id } satisfies Request);
    });
  return { ...metrics, exposition: { metrics: ask, contentType: metrics.registry.contentType } };
}
