import { createHmac, timingSafeEqual } from 'node:crypto';

// Deliveries are signed as Stripe signs its events: `Webhook-Signature: t=<unix seconds>,v1=<hex>`,
// v1 = HMAC-SHA256(secret, `${t}.${body}`). The timestamp is signed with the body, so a receiver
// that refuses a t older than its window refuses replays of a captured delivery. docs/partners.md
// gives receivers the same check in a few lines.

export const SIGNATURE_HEADER = 'webhook-signature';
export const DELIVERY_ID_HEADER = 'webhook-id';
/** Receivers refuse a signature older (or newer) than this. */
export const REPLAY_WINDOW_SECONDS = 300;

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for `body` signed at `now`. */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: 'malformed' | 'outside the replay window' | 'mismatch' };

/** The receiver's check: a well-formed header, a timestamp within the window, and a v1 that matches (any of several, during a rotation). */
export function verifySignature(secret: string, body: string, header: string | undefined, now: Date, windowSeconds = REPLAY_WINDOW_SECONDS): SignatureCheck {
  const parts = (header ?? '').split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([name]) => name === 't')?.[1]);
  const signatures = parts.filter(([name, value]) => name === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')).map(([, value]) => Buffer.from(value ?? '', 'hex'));
  if (!Number.isInteger(timestamp) || signatures.length === 0) return { valid: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - timestamp) > windowSeconds) return { valid: false, reason: 'outside the replay window' };
  const expected = Buffer.from(digest(secret, timestamp, body), 'hex');
  return signatures.some((signature) => timingSafeEqual(signature, expected)) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
