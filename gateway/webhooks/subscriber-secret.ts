import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

// A subscriber's signing secret is never stored: the ledger keeps a random nonce per subscription,
// and the secret is HMAC(webhook key, id and nonce). A copy of the index store alone cannot sign
// a delivery; the key is WEBHOOK_SECRET_KEY, else derived from PRINCIPAL_SIGNING_SECRET (so
// rotating that secret changes every subscriber's secret: docs/security.md, "Webhook secrets").

const KEY_SALT = 'dtsen webhook key v1';
const SECRET_PREFIX = 'whsec_';

/** The webhook key when only PRINCIPAL_SIGNING_SECRET is set: HKDF, its own salt. */
export function deriveWebhookKey(principalSecret: string): string {
  return Buffer.from(hkdfSync('sha256', principalSecret, KEY_SALT, 'webhooks', 32)).toString('base64url');
}

/** 32 random bytes, hex: what the store keeps of a secret. */
export function newSecretNonce(): string {
  return randomBytes(32).toString('hex');
}

/** The secret a subscription's deliveries are signed with, shown to the subscriber once, at `add`: `whsec_` and base64, as Standard Webhooks libraries take it. */
export function subscriberSecret(webhookKey: string, subscriptionId: string, nonce: string): string {
  return `${SECRET_PREFIX}${createHmac('sha256', webhookKey).update(`${subscriptionId}:${nonce}`).digest('base64')}`;
}
