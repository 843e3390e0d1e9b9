import { EntitySchema } from 'typeorm';
import { entityColumn } from '../common/store/entity-columns';

// Webhook subscriptions and their delivery ledger (docs/partners.md, "Webhooks"), kept in the
// index store beside the periods they announce. Column names match the index-webhooks migration.

/** An organisation's webhook for one programme's period deltas, with the principal it reads as. */
export interface WebhookSubscriptionRow {
  /** `whs_` and 24 hex digits. */
  readonly id: string;
  readonly organisation: string;
  readonly subject: string;
  /** The subscriber's roles, comma-separated; its scopes follow from them. */
  readonly roles: string;
  /** Region prefixes (digits), comma-separated; null: every region. */
  readonly regions: string | null;
  /** Programmes a partner is limited to, comma-separated; null: every programme. */
  readonly programmes: string | null;
  readonly purpose: string;
  readonly program: string;
  readonly url: string;
  /**
   * Random bytes (hex) the signing secret is derived from with the webhook key
   * (gateway/webhooks/subscriber-secret.ts): the store alone cannot sign.
   */
  readonly secretNonce: string;
  /** Periods after this one are delivered; null: every period the index keeps later. */
  readonly afterPeriod: string | null;
  readonly createdAt: string;
  /** Set when removed: nothing more is planned or sent for it. */
  readonly removedAt: string | null;
}

export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed';

/** One page of one period's deltas for one subscription. */
export interface WebhookDeliveryRow {
  readonly subscriptionId: string;
  /** The period the deltas lead to (`to`). */
  readonly period: string;
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  /** The kept period before `period` (`from`). */
  readonly fromPeriod: string;
  /** Sent as `Webhook-Id`, the same on every attempt: receivers drop a page they already took. */
  readonly deliveryId: string;
  /** The listing position the page starts after (exclusive); null for the first page. */
  readonly afterListingKey: string | null;
  readonly afterNoKK: string | null;
  /** Deltas on the page: the page is the next `size` after its start, the same on every attempt. */
  readonly size: number;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** Who is sending it and until when the claim holds (ISO 8601): another replica waits till then. */
  readonly holder: string | null;
  readonly leaseUntil: string | null;
  /** HTTP status of the last attempt; null when it got none (timeout, refused connection). */
  readonly lastStatus: number | null;
  /** Why the last attempt failed, without personal data: `http 503`, `timeout`, `network`. */
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

export const WebhookSubscriptionEntity = new EntitySchema<WebhookSubscriptionRow>({
  name: 'WebhookSubscription',
  tableName: 'webhook_subscription',
  columns: {
    id: { ...entityColumn.varchar('id', 28), primary: true },
    organisation: entityColumn.varchar('organisation', 100),
    subject: entityColumn.varchar('subject', 100),
    roles: entityColumn.varchar('roles', 100),
    regions: entityColumn.varchar('regions', 500, true),
    programmes: entityColumn.varchar('programmes', 100, true),
    purpose: entityColumn.varchar('purpose', 200),
    program: entityColumn.varchar('program', 8),
    url: entityColumn.varchar('url', 2000),
    secretNonce: entityColumn.varchar('secret_nonce', 64),
    afterPeriod: entityColumn.varchar('after_period', 7, true),
    createdAt: entityColumn.varchar('created_at', 24),
    removedAt: entityColumn.varchar('removed_at', 24, true),
  },
});

export const WebhookDeliveryEntity = new EntitySchema<WebhookDeliveryRow>({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  columns: {
    subscriptionId: { ...entityColumn.varchar('subscription_id', 28), primary: true },
    period: { ...entityColumn.varchar('period', 7), primary: true },
    page: { name: 'page', type: 'integer', primary: true },
    pages: entityColumn.integer('pages'),
    fromPeriod: entityColumn.varchar('from_period', 7),
    deliveryId: entityColumn.varchar('delivery_id', 40),
    afterListingKey: entityColumn.varchar('after_listing_key', 16, true),
    afterNoKK: entityColumn.varchar('after_no_kk', 16, true),
    size: entityColumn.integer('size'),
    state: entityColumn.varchar('state', 10),
    attempts: entityColumn.integer('attempts'),
    holder: entityColumn.varchar('holder', 200, true),
    leaseUntil: entityColumn.varchar('lease_until', 24, true),
    lastStatus: { name: 'last_status', type: 'integer', nullable: true },
    lastError: entityColumn.varchar('last_error', 40, true),
    createdAt: entityColumn.varchar('created_at', 24),
    deliveredAt: entityColumn.varchar('delivered_at', 24, true),
  },
  indices: [{ name: 'idx_webhook_delivery_state', columns: ['state'] }, { name: 'idx_webhook_delivery_id', columns: ['deliveryId'], unique: true }],
});
