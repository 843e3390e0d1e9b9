import { bulkhead, BulkheadRejectedError } from 'cockatiel';
import type express from 'express';
import { Counter, Gauge, type Registry } from 'prom-client';
import { ErrorCode, errorResponseBody } from '../../common/errors';

export interface ConcurrencyLimitSettings {
  /** GraphQL requests one gateway process runs at once; the rest wait their turn. */
  readonly maxConcurrent: number;
  /** Requests that may wait; beyond them a request is refused at once. */
  readonly maxQueued: number;
  /** A request that waited longer is refused rather than run: its client has likely given up. */
  readonly maxWaitMs: number;
}

const RETRY_AFTER_SECONDS = 1;
const SHED_REASONS = ['queue_full', 'waited_too_long'] as const;
type ShedReason = (typeof SHED_REASONS)[number];

function refuse(res: express.Response): void {
  res
    .status(503)
    .set('retry-after', String(RETRY_AFTER_SECONDS))
    .json(errorResponseBody('The gateway is busy; retry shortly', ErrorCode.OVERLOADED, { retryAfterSeconds: RETRY_AFTER_SECONDS }));
}

/**
 * Runs at most `maxConcurrent` requests at once and queues the rest in arrival order. Under
 * saturation every request in flight shares the CPU and the subgraphs, so all of them finish late
 * and the tail grows with the load; in turn, a request waits while earlier ones finish at full
 * speed, and its latency is its place in the queue. Refused requests (queue full, or waited past
 * `maxWaitMs`) get OVERLOADED, HTTP 503 with Retry-After. A client that leaves while queued costs nothing.
 */
export function concurrencyLimit(settings: ConcurrencyLimitSettings, registry: Registry): express.RequestHandler {
  const limit = bulkhead(settings.maxConcurrent, settings.maxQueued);
  new Gauge({
    name: 'dtsen_gateway_requests_running',
    help: 'GraphQL requests this gateway process is running',
    registers: [registry],
    collect() {
      this.set(settings.maxConcurrent - limit.executionSlots);
    },
  });
  new Gauge({
    name: 'dtsen_gateway_requests_queued',
    help: 'GraphQL requests waiting for their turn in this gateway process',
    registers: [registry],
    collect() {
      this.set(settings.maxQueued - limit.queueSlots);
    },
  });
  const shed = new Counter({
    name: 'dtsen_gateway_requests_shed_total',
    help: 'GraphQL requests refused with OVERLOADED, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  for (const reason of SHED_REASONS) shed.inc({ reason }, 0);
  const refuseFor = (reason: ShedReason, res: express.Response) => {
    shed.inc({ reason });
    refuse(res);
  };

  return (req, res, next) => {
    const arrivedAt = performance.now();
    limit
      .execute(() => {
        if (res.closed) return undefined;
        if (performance.now() - arrivedAt > settings.maxWaitMs) return refuseFor('waited_too_long', res);
        return new Promise<void>((resolve) => {
          res.once('close', resolve);
          next();
        });
      })
      .catch((error: unknown) => {
        if (error instanceof BulkheadRejectedError) refuseFor('queue_full', res);
        else next(error);
      });
  };
}
