import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import { Agent, request, type Dispatcher } from 'undici';
import type { Principal } from '../../common/auth/principal';
import type { SchemaDisclosure } from '../../common/auth/schema-disclosure';
import type { Logger } from '../../common/logging/logger';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import type { WebhookDeliveryRow, WebhookSubscriptionRow } from '../../resolution/webhook-entities';
import type { DeliveryKey, WebhookStore } from '../../resolution/webhook-store';
import type { WebhookConfig } from './config';
import { deltaPageBody, periodsToAnnounce, planPages } from './period-deltas';
import { checkReceiverUrl, publicOnlyLookup } from './receiver-url';
import { deliveryHeaders } from './signature';
import { subscriberSecret } from './subscriber-secret';
import { subscriberPrincipal } from './subscriptions';
import type { AttemptOutcome, WebhookMetrics } from './webhook-metrics';

// The gateway's webhook delivery. Every poll it (1) plans: for each subscription and each kept
// period it has not been told about, writes the period's pages to the ledger (the first replica to
// write them wins); (2) sends the pages due, each claimed in the ledger first, so that replicas
// and restarts never send a page at once or again once a receiver answered 2xx. A page's attempts
// are counted in the ledger: a gateway that dies mid-retry leaves the rest to whoever claims the
// page when its lease lapses. Delays between attempts grow exponentially with decorrelated jitter
// (cockatiel's ExponentialBackoff).

export interface WebhookDelivererOptions {
  readonly store: WebhookStore;
  readonly index: Pick<IndexQueryRepository, 'keptPeriods' | 'eligibilityChanges' | 'appendAudit'>;
  readonly config: Omit<WebhookConfig, 'enabled'>;
  readonly disclosure: SchemaDisclosure;
  readonly metrics: WebhookMetrics;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export interface WebhookDeliverer {
  /** Polls every `pollIntervalMs` until stopped, the first time at once. */
  start(): void;
  /** Stops polling, ends attempts in flight and hands their pages back to the ledger. */
  stop(): Promise<void>;
}

/** Pages read from the ledger per poll. */
const DUE_PER_POLL = 200;
/** Room above one attempt and the longest backoff before another replica may take a page over. */
const LEASE_MARGIN_MS = 60_000;

class Stopped extends Error {}

function outcomeOf(error: unknown): AttemptOutcome {
  const name = (error as { name?: unknown }).name;
  const code = String((error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code ?? '');
  if (code === 'EWEBHOOKPRIVATE') return 'refused_address';
  if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  return 'network';
}

export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const { store, index, config, logger, metrics } = options;
  const now = options.now ?? (() => new Date());
  const holder = `pid ${process.pid} on ${hostname()} (${randomUUID().slice(0, 8)})`;
  const leaseMs = config.timeoutMs + config.backoffMaxMs + LEASE_MARGIN_MS;
  const dispatcher: Dispatcher = config.allowPrivateUrls ? new Agent() : new Agent({ connect: { lookup: publicOnlyLookup } });
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> = Promise.resolve();

  async function plan(): Promise<void> {
    const kept = await index.keptPeriods();
    if (kept.length < 2) return;
    const planned = await store.plannedPeriods();
    for (const subscription of await store.activeSubscriptions()) {
      for (const periods of periodsToAnnounce(subscription, kept)) {
        if (planned.has(`${subscription.id}|${periods.to.period}`)) continue;
        try {
          const principal = subscriberPrincipal(subscription, `webhook ${subscription.program} ${periods.from.period}..${periods.to.period}`);
          const pages = await planPages(index, subscription, principal, periods, config.pageSize, now());
          if (await store.planDeliveries(pages)) logger.info({ subscriptionId: subscription.id, period: periods.to.period, pages: pages.length }, 'webhook pages planned');
        } catch (error) {
          logger.error({ err: error, subscriptionId: subscription.id, period: periods.to.period }, 'webhook pages could not be planned');
        }
      }
    }
  }

  /** One POST; the receiver's status, or why there was none. */
  async function post(subscription: WebhookSubscriptionRow, delivery: WebhookDeliveryRow, body: string): Promise<{ status: number | null; outcome: AttemptOutcome }> {
    const secret = subscriberSecret(config.secretKey, subscription.id, subscription.secretNonce);
    try {
      // Checked again: a subscription made while private receivers were allowed is not sent to once they are not.
      checkReceiverUrl(subscription.url, config.allowPrivateUrls);
    } catch {
      return { status: null, outcome: 'refused_address' };
    }
    try {
      const response = await request(subscription.url, {
        method: 'POST',
        dispatcher,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'dtsen-webhooks/1',
          ...deliveryHeaders(secret, delivery.deliveryId, body, now()),
        },
        body,
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(config.timeoutMs)]),
      });
      await response.body.dump();
      return { status: response.statusCode, outcome: response.statusCode >= 200 && response.statusCode < 300 ? 'delivered' : 'http_error' };
    } catch (error) {
      return { status: null, outcome: outcomeOf(error) };
    }
  }

  /** Sends one claimed page until the receiver takes it, its attempts run out, the claim is lost or the gateway stops. */
  async function send(delivery: WebhookDeliveryRow, subscription: WebhookSubscriptionRow, principal: Principal): Promise<void> {
    const key: DeliveryKey = delivery;
    const log = { subscriptionId: subscription.id, deliveryId: delivery.deliveryId, period: delivery.period, page: delivery.page };
    const factory = new ExponentialBackoff({ initialDelay: config.backoffInitialMs, maxDelay: config.backoffMaxMs });
    let backoff: IBackoff<unknown> | undefined;
    for (let attempt = delivery.attempts + 1; ; attempt++) {
      if (attempt > config.maxAttempts) {
        await store.markFailed(key, holder);
        metrics.failed();
        logger.error({ ...log, attempts: attempt - 1 }, 'webhook page failed: no attempts left');
        return;
      }
      if (stopping.signal.aborted) throw new Stopped();
      if (!(await store.startAttempt(key, holder, now(), leaseMs))) return;
      let result: { status: number | null; outcome: AttemptOutcome | 'index_error' };
      try {
        result = await post(subscription, delivery, await deltaPageBody(index, delivery, subscription, principal, options.disclosure));
      } catch (error) {
        logger.error({ ...log, err: error }, 'webhook page could not be read from the index');
        result = { status: null, outcome: 'index_error' };
      }
      if (stopping.signal.aborted && result.outcome !== 'delivered') throw new Stopped();
      if (result.outcome !== 'index_error') metrics.attempt(result.outcome);
      if (result.outcome === 'delivered' && result.status !== null) {
        await store.markDelivered(key, holder, result.status, now());
        logger.info({ ...log, attempts: attempt, status: result.status }, 'webhook page delivered');
        return;
      }
      const error = result.outcome === 'http_error' ? `http ${result.status}` : result.outcome;
      await store.noteFailure(key, holder, result.status, error);
      logger.warn({ ...log, attempt, status: result.status, error }, 'webhook attempt failed');
      if (attempt >= config.maxAttempts) continue;
      backoff = backoff ? backoff.next(undefined) : factory.next();
      try {
        await sleep(backoff.duration, undefined, { signal: stopping.signal });
      } catch {
        throw new Stopped();
      }
    }
  }

  async function deliver(delivery: WebhookDeliveryRow, subscription: WebhookSubscriptionRow): Promise<void> {
    if (!(await store.claim(delivery, holder, now(), leaseMs))) return;
    try {
      await send(delivery, subscription, subscriberPrincipal(subscription, `webhook ${subscription.program} ${delivery.fromPeriod}..${delivery.period}`));
    } catch (error) {
      // Stopping, or the store failed: the page goes back to the ledger (a failed store lets the lease lapse instead).
      await store.release(delivery, holder).catch(() => undefined);
      if (!(error instanceof Stopped)) throw error;
    }
  }

  async function poll(): Promise<void> {
    await plan();
    const due = await store.dueDeliveries(now(), DUE_PER_POLL);
    if (due.length > 0) {
      const subscriptions = new Map((await store.activeSubscriptions()).map((row) => [row.id, row]));
      const bySubscription = new Map<string, WebhookDeliveryRow[]>();
      for (const delivery of due) bySubscription.set(delivery.subscriptionId, [...(bySubscription.get(delivery.subscriptionId) ?? []), delivery]);
      // One receiver's retries hold up only its own pages.
      await Promise.all(
        [...bySubscription].map(async ([id, pages]) => {
          const subscription = subscriptions.get(id);
          if (subscription === undefined) return;
          for (const page of pages) {
            if (stopping.signal.aborted) return;
            await deliver(page, subscription).catch((error: unknown) => logger.error({ err: error, subscriptionId: id, deliveryId: page.deliveryId }, 'webhook delivery failed'));
          }
        }),
      );
    }
    metrics.pages(await store.stateCounts());
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      polling = poll()
        .catch((error: unknown) => logger.error({ err: error }, 'webhook poll failed'))
        .finally(() => {
          if (!stopping.signal.aborted) schedule(config.pollIntervalMs);
        });
    }, delayMs);
  }

  return {
    start: () => schedule(0),
    async stop() {
      if (stopping.signal.aborted) return;
      stopping.abort();
      clearTimeout(timer);
      await polling;
      await dispatcher.close();
    },
  };
}
