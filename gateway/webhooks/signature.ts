import { Webhook } from 'standardwebhooks';

// Deliveries follow the Standard Webhooks specification (standardwebhooks.com): `webhook-id`,
// `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
// so a receiver verifies them with any Standard Webhooks library, which also refuses a timestamp
// outside its 5-minute window: a captured delivery cannot be replayed later (docs/partners.md).

/** The headers that sign `body` as delivery `deliveryId` at `now`, with the subscriber's `whsec_` secret. */
export function deliveryHeaders(secret: string, deliveryId: string, body: string, now: Date): Record<string, string> {
  return {
    'webhook-id': deliveryId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(deliveryId, now, body),
  };
}
