/**
 * Whether a request path (a query string may follow) is one of every service's operations
 * endpoints: the health probes (`/health/live`, `/health/ready`) and the Prometheus scrape
 * (`/metrics`). They arrive every few seconds and say nothing about the work, so neither the
 * request log nor the traces record them.
 */
export function isOperationsPath(url: string): boolean {
  return /^\/(health|metrics)(\/|\?|$)/.test(url);
}
