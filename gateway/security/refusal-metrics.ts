import type { RequestHandler } from 'express';
import { Counter, type Registry } from 'prom-client';

/** Why the gateway refused a request, each with the HTTP status it answers. */
const STATUS_OF = {
  /** No token, or one the gateway rejects. */
  unauthenticated: 401,
  /** An operation outside the caller's contract, the CSV export without the search scope, or an unregistered operation under TRUSTED_DOCUMENTS=enforce. */
  forbidden: 403,
  /** The principal's requests per minute. */
  rate_limited: 429,
  /** The principal's look-ups that found nothing, per hour: someone guessing keys. */
  lookup_misses: 429,
  /** The gateway was running all it could and the request could not wait its turn. */
  overloaded: 503,
  /** A persisted query registration too large, with a hash not of its text, or of another version. */
  persisted_query_invalid: 400,
  /** A body that did not arrive within the body deadline: a slow or stalled client. */
  body_timeout: 408,
  /** A body over the size limit. */
  body_too_large: 413,
  /** A body that is not JSON. */
  malformed_body: 400,
} as const;

export type RefusalReason = keyof typeof STATUS_OF;

export interface RefusalMetrics {
  /**
   * `handler`, counting each request it refuses (answers itself, or hands to the error handler with
   * an error, rather than passing it on) with the status of one of `reasons`, under that reason.
   * The status tells the reasons of one handler apart.
   */
  counted(handler: RequestHandler, ...reasons: RefusalReason[]): RequestHandler;
}

/**
 * `dtsen_gateway_refusals_total{status, reason}`: the requests the gateway refused, counted by
 * wrapping the handlers that refuse them where server.ts mounts them, so that neither the refusing
 * code nor a new refusal site needs to know about metrics. Both labels are fixed sets.
 */
export function createRefusalMetrics(registry: Registry): RefusalMetrics {
  const refusals = new Counter({
    name: 'dtsen_gateway_refusals_total',
    help: 'Requests the gateway refused, by HTTP status and reason',
    labelNames: ['status', 'reason'] as const,
    registers: [registry],
  });
  for (const [reason, status] of Object.entries(STATUS_OF)) refusals.inc({ status: String(status), reason }, 0);

  return {
    counted(handler, ...reasons) {
      return (req, res, next) => {
        let passedOn = false;
        res.once('finish', () => {
          if (passedOn) return;
          const reason = reasons.find((each) => STATUS_OF[each] === res.statusCode);
          if (reason) refusals.inc({ status: String(res.statusCode), reason });
        });
        return handler(req, res, (error?: unknown) => {
          passedOn = error === undefined;
          next(error);
        });
      };
    },
  };
}
