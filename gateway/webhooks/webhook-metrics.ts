import { Counter, Gauge, type Registry } from 'prom-client';
import type { DeliveryState } from '../../resolution/webhook-entities';

/** How one attempt to POST a page ended. */
export type AttemptOutcome = 'delivered' | 'http_error' | 'timeout' | 'network' | 'refused_address';

/**
 * Labels are fixed sets, never a subscriber, URL or family. The ledger's page counts are the
 * store's, the same seen from every process: a cluster reports the largest, not the sum.
 */
export interface WebhookMetrics {
  attempt(outcome: AttemptOutcome): void;
  /** A page was given up after its last attempt. */
  failed(): void;
  pages(counts: Readonly<Record<DeliveryState, number>>): void;
}

export function createWebhookMetrics(registry: Registry): WebhookMetrics {
  const attempts = new Counter({
    name: 'dtsen_webhook_attempts_total',
    help: 'Attempts to POST a webhook page, by how they ended',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'dtsen_webhook_pages_failed_total',
    help: 'Webhook pages given up after their last attempt (npm run webhooks -- redeliver sends them again)',
    registers: [registry],
  });
  const pages = new Gauge({
    name: 'dtsen_webhook_pages',
    help: 'Pages in the webhook delivery ledger, by state, as of the last poll',
    labelNames: ['state'] as const,
    registers: [registry],
    aggregator: 'max',
  });
  return {
    attempt: (outcome) => attempts.inc({ outcome }),
    failed: () => failures.inc(),
    pages(counts) {
      for (const [state, count] of Object.entries(counts)) pages.set({ state }, count);
    },
  };
}
