import { Brackets, IsNull, type DataSource } from 'typeorm';
import { chunk } from '../common/store/chunks';
import { WebhookDeliveryEntity, WebhookSubscriptionEntity, type DeliveryState, type WebhookDeliveryRow, type WebhookSubscriptionRow } from './webhook-entities';

// The webhook subscriptions and the delivery ledger. Every change of a delivery's state is one
// conditional UPDATE naming the state (and the holder) it expects, atomic on SQLite and MySQL
// alike, as resolution/run-lock.ts claims the index: of several gateway replicas one sends a page,
// and a page recorded delivered is never claimed again.

/** A delivery's key in the ledger. */
export interface DeliveryKey {
  readonly subscriptionId: string;
  readonly period: string;
  readonly page: number;
}

export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sending', 'delivered', 'failed'];

export interface WebhookStore {
  addSubscription(row: WebhookSubscriptionRow): Promise<void>;
  /** Every subscription, the removed ones too, oldest first. */
  subscriptions(): Promise<WebhookSubscriptionRow[]>;
  /** False when there is no such subscription still active. */
  removeSubscription(id: string, at: string): Promise<boolean>;
  activeSubscriptions(): Promise<WebhookSubscriptionRow[]>;
  /** The (subscription, period) pairs that have pages in the ledger, as `id|period`. */
  plannedPeriods(): Promise<Set<string>>;
  /** Writes one period's pages for one subscription in one transaction; false when another replica wrote them first. */
  planDeliveries(rows: readonly WebhookDeliveryRow[]): Promise<boolean>;
  /** Pages to send now: pending, or claimed by a sender whose claim lapsed; of active subscriptions, in period and page order. */
  dueDeliveries(now: Date, limit: number): Promise<WebhookDeliveryRow[]>;
  /** Takes a due page for `holder` until `now + leaseMs`; false when another took it or it is no longer due. */
  claim(key: DeliveryKey, holder: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Counts an attempt and extends the claim; false when the claim was lost. */
  startAttempt(key: DeliveryKey, holder: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Notes why the attempt failed; the page stays claimed for the next attempt. */
  noteFailure(key: DeliveryKey, holder: string, status: number | null, error: string): Promise<void>;
  /** The receiver answered 2xx: the page is never sent again. */
  markDelivered(key: DeliveryKey, holder: string, status: number, at: Date): Promise<boolean>;
  /** Out of attempts: left for an operator (`npm run webhooks -- redeliver`). */
  markFailed(key: DeliveryKey, holder: string): Promise<void>;
  /** Gives up a claim without counting it a failure (the gateway is stopping). */
  release(key: DeliveryKey, holder: string): Promise<void>;
  /** Failed pages of a subscription (one period or all) pending again with no attempts; how many. */
  redeliver(subscriptionId: string, period: string | null): Promise<number>;
  /** A subscription's pages, in period and page order. */
  deliveries(subscriptionId: string): Promise<WebhookDeliveryRow[]>;
  /** Pages per state, every subscription. */
  stateCounts(): Promise<Record<DeliveryState, number>>;
}

/** 18 columns a row: well within SQLite's and MySQL's bound parameters per statement. */
const PLAN_ROWS_PER_INSERT = 500;

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { code?: unknown }).code ?? '') + String((error as { message?: unknown }).message ?? '');
  return /ER_DUP_ENTRY|SQLITE_CONSTRAINT|UNIQUE constraint failed|Duplicate entry/.test(text);
}

export function createWebhookStore(dataSource: DataSource): WebhookStore {
  const subscriptions = dataSource.getRepository(WebhookSubscriptionEntity);
  const deliveries = dataSource.getRepository(WebhookDeliveryEntity);
  const update = (key: DeliveryKey) =>
    dataSource
      .createQueryBuilder()
      .update(WebhookDeliveryEntity)
      .where('subscription_id = :subscriptionId AND period = :period AND page = :page', { subscriptionId: key.subscriptionId, period: key.period, page: key.page });
  const held = (key: DeliveryKey, holder: string) => update(key).andWhere("state = 'sending' AND holder = :holder", { holder });

  return {
    async addSubscription(row) {
      await subscriptions.insert(row);
    },
    subscriptions: () => subscriptions.find({ order: { createdAt: 'ASC', id: 'ASC' } }),
    async removeSubscription(id, at) {
      const result = await dataSource.createQueryBuilder().update(WebhookSubscriptionEntity).set({ removedAt: at }).where('id = :id AND removed_at IS NULL', { id }).execute();
      return result.affected === 1;
    },
    activeSubscriptions: () => subscriptions.find({ where: { removedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } }),

    async plannedPeriods() {
      const rows = await deliveries
        .createQueryBuilder('d')
        .select('d.subscription_id', 'subscriptionId')
        .addSelect('d.period', 'period')
        .where('d.page = 1')
        .getRawMany<{ subscriptionId: string; period: string }>();
      return new Set(rows.map((row) => `${row.subscriptionId}|${row.period}`));
    },

    async planDeliveries(rows) {
      try {
        // One INSERT is atomic without a transaction (and a transaction held across awaits would
        // keep a second connection of the same process waiting on SQLite's lock); larger plans
        // are written in slices within one.
        if (rows.length <= PLAN_ROWS_PER_INSERT) await deliveries.insert([...rows]);
        else {
          await dataSource.transaction(async (manager) => {
            for (const slice of chunk(rows, PLAN_ROWS_PER_INSERT)) await manager.getRepository(WebhookDeliveryEntity).insert([...slice]);
          });
        }
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    dueDeliveries: (now, limit) =>
      deliveries
        .createQueryBuilder('d')
        .innerJoin('WebhookSubscription', 's', 's.id = d.subscription_id AND s.removed_at IS NULL')
        .where(new Brackets((due) => due.where("d.state = 'pending'").orWhere("d.state = 'sending' AND d.lease_until < :now", { now: now.toISOString() })))
        .orderBy('d.period', 'ASC')
        .addOrderBy('d.subscription_id', 'ASC')
        .addOrderBy('d.page', 'ASC')
        .limit(limit)
        .getMany(),

    async claim(key, holder, now, leaseMs) {
      const at = now.toISOString();
      const result = await update(key)
        .set({ state: 'sending', holder, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() })
        .andWhere(new Brackets((due) => due.where("state = 'pending'").orWhere("state = 'sending' AND lease_until < :at", { at })))
        .execute();
      return result.affected === 1;
    },

    async startAttempt(key, holder, now, leaseMs) {
      const result = await held(key, holder)
        .set({ attempts: () => 'attempts + 1', leaseUntil: new Date(now.getTime() + leaseMs).toISOString() })
        .execute();
      return result.affected === 1;
    },

    async noteFailure(key, holder, status, error) {
      await held(key, holder).set({ lastStatus: status, lastError: error }).execute();
    },

    async markDelivered(key, holder, status, at) {
      const result = await held(key, holder)
        .set({ state: 'delivered', holder: null, leaseUntil: null, lastStatus: status, lastError: null, deliveredAt: at.toISOString() })
        .execute();
      return result.affected === 1;
    },

    async markFailed(key, holder) {
      await held(key, holder).set({ state: 'failed', holder: null, leaseUntil: null }).execute();
    },

    async release(key, holder) {
      await held(key, holder).set({ state: 'pending', holder: null, leaseUntil: null }).execute();
    },

    async redeliver(subscriptionId, period) {
      const builder = dataSource
        .createQueryBuilder()
        .update(WebhookDeliveryEntity)
        .set({ state: 'pending', attempts: 0, holder: null, leaseUntil: null })
        .where("subscription_id = :subscriptionId AND state = 'failed'", { subscriptionId });
      if (period !== null) builder.andWhere('period = :period', { period });
      return (await builder.execute()).affected ?? 0;
    },

    deliveries: (subscriptionId) => deliveries.find({ where: { subscriptionId }, order: { period: 'ASC', page: 'ASC' } }),

    async stateCounts() {
      const rows = await deliveries.createQueryBuilder('d').select('d.state', 'state').addSelect('COUNT(*)', 'count').groupBy('d.state').getRawMany<{ state: string; count: unknown }>();
      const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<DeliveryState, number>;
      for (const row of rows) if ((DELIVERY_STATES as readonly string[]).includes(row.state)) counts[row.state as DeliveryState] = Number(row.count);
      return counts;
    },
  };
}
