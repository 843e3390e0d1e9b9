import type express from 'express';
import type { Registry } from 'prom-client';

/**
 * GET /metrics in Prometheus's text format. Open like the health probes: Prometheus scrapes it
 * without a token or signature, and it holds counts and timings only (docs/security.md).
 */
export function metricsEndpoint(registry: Registry): express.RequestHandler {
  return async (_req, res) => {
    const body = await registry.metrics();
    res.set({ 'content-type': registry.contentType, 'cache-control': 'no-store' }).send(body);
  };
}
