import Redis from 'ioredis';
import type { Logger } from '../../common/logging/logger';

/** Longest wait between reconnection attempts while Redis is away. */
const MAX_RECONNECT_DELAY_MS = 2_000;
/** A Redis that accepts connections but hangs must not hold GraphQL requests: their commands fail after this and count as misses. */
const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;

/** What several gateway instances share: one Redis, and the prefix of every key they write there. */
export interface SharedState {
  readonly redis: Redis;
  readonly keyPrefix: string;
}

/**
 * The one Redis connection of a gateway process (main.ts opens it, tests open their own). It
 * connects at once and reconnects for ever; while it is not connected, commands fail at once
 * (no offline queue, one retry at most) so that callers fall back instead of waiting: an APQ
 * lookup is a miss and the rate limit counts in memory (docs/scaling.md).
 */
export function openRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  // One line per outage, not one per reconnection attempt; the message never holds the URL's password.
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn(`Redis unavailable, serving from process memory until it is back: ${error.message}`);
  });
  redis.on('ready', () => {
    if (reported) logger.info('Redis is back');
    reported = false;
  });
  return redis;
}

/**
 * Resolves once `redis` is connected (true), or false when it reports an error or has not
 * connected within its connect timeout. The gateway waits for it before it listens, so that its
 * first requests share the rate limit and persisted queries with the other instances; a Redis that
 * is down at start costs only this wait.
 */
export function firstConnection(redis: Redis): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (connected: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      resolve(connected);
    };
    const onReady = () => settle(true);
    const onError = () => settle(false);
    const timer = setTimeout(() => settle(false), CONNECT_TIMEOUT_MS);
    redis.on('ready', onReady);
    redis.on('error', onError);
  });
}

/** Closes the connection, waiting for pending replies when connected and dropping it when not. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit();
    return;
  }
  redis.disconnect();
}
