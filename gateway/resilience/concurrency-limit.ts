import type express from 'express';
import { Counter, Gauge, type Registry } from 'prom-client';
import { ErrorCode, errorResponseBody } from '../../common/errors';

export interface ConcurrencyLimitSettings {
  /** Requests (GraphQL and the CSV export) one gateway process runs at once; the rest wait their turn. */
  readonly maxConcurrent: number;
  /** Requests one principal runs at once; its further requests wait even while slots are free, which stay for the others. */
  readonly maxConcurrentPerPrincipal: number;
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

interface Waiter {
  readonly principal: string;
  readonly run: () => void;
}

/**
 * Runs at most `maxConcurrent` requests at once, at most `maxConcurrentPerPrincipal` of them for
 * one principal, and queues the rest in arrival order. Under saturation every request in flight
 * shares the CPU and the subgraphs, so all of them finish late and the tail grows with the load;
 * in turn, a request waits while earlier ones finish at full speed, and its latency is its place in
 * the queue. A waiting request runs as soon as a slot is free and its principal is under its
 * share, so one caller's burst waits behind its own requests while the others pass it. Refused
 * requests (queue full, or waited `maxWaitMs`, answered when that time is up) get OVERLOADED, HTTP
 * 503 with Retry-After. A client that leaves while queued costs nothing. `principalOf` names the
 * request's authenticated caller: the limit sits behind authentication, so no anonymous request
 * ever holds or waits for a slot.
 *
 * Hand-written rather than cockatiel's bulkhead: the bulkhead has no share per caller, and a queued
 * call leaves its queue place only when a slot frees, so an expired request was answered late and
 * kept its place until then.
 */
export function concurrencyLimit(
  settings: ConcurrencyLimitSettings,
  registry: Registry,
  principalOf: (req: express.Request) => string,
): express.RequestHandler {
  let running = 0;
  const runningBy = new Map<string, number>();
  // A Set keeps arrival order and lets a request that leaves or expires go in constant time.
  const queue = new Set<Waiter>();

  new Gauge({
    name: 'dtsen_gateway_requests_running',
    help: 'Requests (GraphQL and CSV export) this gateway process is running',
    registers: [registry],
    collect() {
      this.set(running);
    },
  });
  new Gauge({
    name: 'dtsen_gateway_requests_queued',
    help: 'Requests (GraphQL and CSV export) waiting for their turn in this gateway process',
    registers: [registry],
    collect() {
      this.set(queue.size);
    },
  });
  const shed = new Counter({
    name: 'dtsen_gateway_requests_shed_total',
    help: 'Requests refused with OVERLOADED, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  for (const reason of SHED_REASONS) shed.inc({ reason }, 0);
  const refuseFor = (reason: ShedReason, res: express.Response) => {
    shed.inc({ reason });
    refuse(res);
  };

  const mayRun = (principal: string) =>
    running < settings.maxConcurrent && (runningBy.get(principal) ?? 0) < settings.maxConcurrentPerPrincipal;

  // A request waits only while the gateway is full or its principal at its share; both change only when a request ends, which calls this.
  const runWaiting = () => {
    for (const waiter of queue) {
      if (running >= settings.maxConcurrent) return;
      if (mayRun(waiter.principal)) {
        queue.delete(waiter);
        waiter.run();
      }
    }
  };

  const start = (principal: string, res: express.Response, next: express.NextFunction) => {
    running += 1;
    runningBy.set(principal, (runningBy.get(principal) ?? 0) + 1);
    res.once('close', () => {
      running -= 1;
      const left = (runningBy.get(principal) ?? 1) - 1;
      if (left === 0) runningBy.delete(principal);
      else runningBy.set(principal, left);
      runWaiting();
    });
    next();
  };

  return (req, res, next) => {
    // Gone while its body was read or its token verified: a 'close' that already happened would never free the slot.
    if (res.closed) return;
    const principal = principalOf(req);
    if (mayRun(principal)) {
      start(principal, res, next);
      return;
    }
    if (queue.size >= settings.maxQueued) {
      refuseFor('queue_full', res);
      return;
    }
    const stopWaiting = () => {
      clearTimeout(deadline);
      res.off('close', stopWaiting);
      queue.delete(waiter);
    };
    const waiter: Waiter = {
      principal,
      run: () => {
        stopWaiting();
        start(principal, res, next);
      },
    };
    const deadline = setTimeout(() => {
      stopWaiting();
      refuseFor('waited_too_long', res);
    }, settings.maxWaitMs);
    // A client that leaves while it waits: it is forgotten.
    res.once('close', stopWaiting);
    queue.add(waiter);
  };
}
