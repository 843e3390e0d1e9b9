import type express from 'express';

/** Metrics in Prometheus's text format: a prom-client Registry, or the aggregate of a cluster's workers. */
export interface MetricsExposition {
  metrics(): Promise<string>;
  readonly contentType: string;
}

/**
 * GET /metrics in Prometheus's text format. Open like the health probes: Prometheus scrapes it
 * without a token or signature, and it holds counts and timings only (docs/security.md).
 */
export function metricsEndpoint(exposition: MetricsExposition): express.RequestHandler {
  return async (_req, res) => {
    const body = await exposition.metrics();
    res.set({ 'content-type': exposition.contentType, 'cache-control': 'no-store' }).send(body);
  };
}
