import { cleanEnv, num, str } from 'envalid';
import { readLocalSecrets } from '../../common/auth/local-secrets';
import { MIN_SECRET_LENGTH } from '../../common/auth/signature';
import { reportConfigErrors, wholeNumber } from '../../common/config';
import { deriveWebhookKey } from './subscriber-secret';

/** How the gateway delivers webhooks (docs/partners.md, "Webhooks"). */
export interface WebhookConfig {
  /** `WEBHOOKS`: whether this gateway process polls the index and delivers. */
  readonly enabled: boolean;
  /** How often the index is asked for newly kept periods and due pages. */
  readonly pollIntervalMs: number;
  /** Attempts of one page, the first included, before it is marked failed. */
  readonly maxAttempts: number;
  /** First backoff delay; later ones grow exponentially, with jitter, up to `backoffMaxMs`. */
  readonly backoffInitialMs: number;
  readonly backoffMaxMs: number;
  /** One attempt's deadline: connecting, sending and the receiver's answer. */
  readonly timeoutMs: number;
  /** Deltas per page (per POST). */
  readonly pageSize: number;
  /** Loopback, private and link-local addresses and plain http allowed (local development, tests). */
  readonly allowPrivateUrls: boolean;
  /** The key every subscriber's signing secret is derived from. Never log it. */
  readonly secretKey: string;
}

export const DEFAULT_WEBHOOK_PAGE_SIZE = 500;
export const MAX_WEBHOOK_PAGE_SIZE = 5_000;

const onOff = (desc: string, fallback: 'on' | 'off') => str({ default: fallback, choices: ['on', 'off'], desc });

/**
 * Read once by gateway/main.ts and `npm run webhooks`. The webhook key is WEBHOOK_SECRET_KEY,
 * else derived from PRINCIPAL_SIGNING_SECRET, else from the one `npm start` keeps in DATA_DIR.
 * Throws naming every bad variable.
 */
export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const parsed = cleanEnv(
    env,
    {
      WEBHOOKS: onOff('Deliver webhooks from this gateway process', 'on'),
      WEBHOOK_POLL_INTERVAL_MS: num({ default: 30_000, desc: 'How often the gateway looks for newly kept periods and pages due, ms' }),
      WEBHOOK_MAX_ATTEMPTS: num({ default: 8, desc: 'Attempts of one page before it is marked failed' }),
      WEBHOOK_BACKOFF_INITIAL_MS: num({ default: 1_000, desc: 'First delay before a retry, ms; later ones double, with jitter' }),
      WEBHOOK_BACKOFF_MAX_MS: num({ default: 300_000, desc: 'Longest delay before a retry, ms' }),
      WEBHOOK_TIMEOUT_MS: num({ default: 10_000, desc: "One attempt's deadline, ms" }),
      WEBHOOK_PAGE_SIZE: num({ default: DEFAULT_WEBHOOK_PAGE_SIZE, desc: `Deltas per POST, at most ${MAX_WEBHOOK_PAGE_SIZE}` }),
      WEBHOOK_ALLOW_PRIVATE_URLS: onOff('Allow http and loopback, private and link-local receivers (development only)', 'off'),
      WEBHOOK_SECRET_KEY: str({ default: '', desc: `Key the subscribers' signing secrets derive from, at least ${MIN_SECRET_LENGTH} characters` }),
      PRINCIPAL_SIGNING_SECRET: str({ default: '', desc: 'Else the webhook key derives from this' }),
      DATA_DIR: str({ default: 'data', desc: 'Else from the secret npm start keeps here' }),
    },
    { reporter: reportConfigErrors },
  );
  const backoffInitialMs = wholeNumber(parsed.WEBHOOK_BACKOFF_INITIAL_MS, 'WEBHOOK_BACKOFF_INITIAL_MS', 1);
  const backoffMaxMs = wholeNumber(parsed.WEBHOOK_BACKOFF_MAX_MS, 'WEBHOOK_BACKOFF_MAX_MS', 1);
  if (backoffMaxMs < backoffInitialMs) throw new Error('WEBHOOK_BACKOFF_MAX_MS must be at least WEBHOOK_BACKOFF_INITIAL_MS');
  return Object.freeze({
    enabled: parsed.WEBHOOKS === 'on',
    pollIntervalMs: wholeNumber(parsed.WEBHOOK_POLL_INTERVAL_MS, 'WEBHOOK_POLL_INTERVAL_MS', 10),
    maxAttempts: wholeNumber(parsed.WEBHOOK_MAX_ATTEMPTS, 'WEBHOOK_MAX_ATTEMPTS', 1, 100),
    backoffInitialMs,
    backoffMaxMs,
    timeoutMs: wholeNumber(parsed.WEBHOOK_TIMEOUT_MS, 'WEBHOOK_TIMEOUT_MS', 1),
    pageSize: wholeNumber(parsed.WEBHOOK_PAGE_SIZE, 'WEBHOOK_PAGE_SIZE', 1, MAX_WEBHOOK_PAGE_SIZE),
    allowPrivateUrls: parsed.WEBHOOK_ALLOW_PRIVATE_URLS === 'on',
    secretKey: webhookKeyFrom(parsed.WEBHOOK_SECRET_KEY, parsed.PRINCIPAL_SIGNING_SECRET, parsed.DATA_DIR),
  });
}

function webhookKeyFrom(own: string, principalSecret: string, dataDir: string): string {
  if (own !== '') {
    if (own.length < MIN_SECRET_LENGTH) throw new Error(`WEBHOOK_SECRET_KEY must be at least ${MIN_SECRET_LENGTH} characters`);
    return own;
  }
  const shared = principalSecret || readLocalSecrets(dataDir)?.PRINCIPAL_SIGNING_SECRET;
  if (!shared) throw new Error(`No webhook key: set WEBHOOK_SECRET_KEY or PRINCIPAL_SIGNING_SECRET, or run npm start once to make ${dataDir}/local-secrets.json`);
  if (shared.length < MIN_SECRET_LENGTH) throw new Error(`PRINCIPAL_SIGNING_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return deriveWebhookKey(shared);
}
