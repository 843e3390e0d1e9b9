import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { closeRedis, openRedis, type SharedState } from '../../gateway/shared-state/redis-client';
import { RedisServerMissing, startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { silentLogger } from '../../common/logging/logger';

/** A Redis given to the tests; unset, each test file starts a private redis-server. */
const GIVEN_REDIS_URL = process.env['TEST_REDIS_URL'] || process.env['REDIS_URL'] || null;
const GIVEN_REDIS_NAME = process.env['TEST_REDIS_URL'] ? 'TEST_REDIS_URL' : 'REDIS_URL';
/** A Redis that is not there must fail the suite in seconds, not at the 60 s test timeout. */
const CONNECT_DEADLINE_MS = 5_000;

let privateRedis: Promise<PrivateRedis> | null = null;

/**
 * Gives the calling test file a Redis of its own (when none is given), removed after its tests.
 * Called at the top of every file that uses the functions below: a worker runs file after file
 * with this module loaded once, so the lifetime has to be declared by each file, not by the import.
 */
export function usesTestRedis(): void {
  afterAll(async () => {
    const started = await privateRedis?.catch(() => null);
    privateRedis = null;
    await started?.remove();
  });
}

/** The URL of the tests' Redis: the given one, or this file's private redis-server, started on first use. */
export async function testRedisUrl(): Promise<string> {
  if (GIVEN_REDIS_URL) return GIVEN_REDIS_URL;
  privateRedis ??= startPrivateRedis().catch((error: unknown) => {
    if (error instanceof RedisServerMissing)
      throw new Error('These tests need Redis: install redis-server (apt-get install redis-server) or set TEST_REDIS_URL to a running Redis');
    throw error;
  });
  return (await privateRedis).url;
}

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
  const url = await testRedisUrl();
  const redis: Redis = openRedis(url, silentLogger());
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`No Redis answered at ${GIVEN_REDIS_NAME}=${url} within ${CONNECT_DEADLINE_MS} ms: start it, or unset ${GIVEN_REDIS_NAME} to have the tests start redis-server`)), CONNECT_DEADLINE_MS);
  });
  try {
    await Promise.race([whenReady(redis), deadline]);
  } catch (error) {
    redis.disconnect();
    throw error;
  } finally {
    clearTimeout(timer);
  }
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
