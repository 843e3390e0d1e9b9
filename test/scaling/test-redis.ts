import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { closeRedis, openRedis, type SharedState } from '../../gateway/shared-state/redis-client';
import { silentLogger } from '../../common/logging/logger';

/** The Redis of this machine (`.ci/run` starts it). */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface TestSharedState extends SharedState {
  /** The keys written under this test's prefix followed by `under` (default: all of them). */
  keys(under?: string): Promise<string[]>;
  /** Deletes this test's keys only and closes the connection. */
  remove(): Promise<void>;
}

/**
 * Resolves once `redis` is connected, at once if it already is. Connection errors on the way are
 * not failures (unlike `once`): the client reconnects by itself, e.g. after its ready check timed
 * out while a gateway was being built in the same event loop.
 */
export async function whenReady(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
}

/** A connection to the test Redis with a key prefix of its own, so tests never see each other's keys. */
export async function openTestSharedState(): Promise<TestSharedState> {
  const redis: Redis = openRedis(TEST_REDIS_URL, silentLogger());
  await whenReady(redis);
  const keyPrefix = `dtsen-test:${randomUUID()}:`;
  const keys = async (under = '') => {
    const found: string[] = [];
    for await (const batch of redis.scanStream({ match: `${keyPrefix}${under}*`, count: 100 })) found.push(...(batch as string[]));
    return found.sort();
  };
  return {
    redis,
    keyPrefix,
    keys,
    async remove() {
      const written = await keys();
      if (written.length > 0) await redis.del(...written);
      await closeRedis(redis);
    },
  };
}
