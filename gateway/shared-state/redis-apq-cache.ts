import type Redis from 'ioredis';

/** How long a registered persisted query stays known without being registered again. */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

/**
 * Apollo Server's `KeyValueCache` (get, set with a TTL in seconds, delete) over ioredis, for the
 * automatic persisted queries several gateway instances share. Written here because the Keyv
 * adapters Apollo documents are not installed; three commands need no more.
 *
 * Errors are misses: a Redis outage must not fail a request. A lookup that fails answers
 * PERSISTED_QUERY_NOT_FOUND and the client resends the whole query; a registration that fails is
 * only lost.
 */
export class RedisKeyValueCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly log: (message: string) => void,
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (error) {
      this.log(`Persisted query lookup failed, answered as unknown: ${(error as Error).message}`);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    if (this.redis.status !== 'ready') return;
    const ttl = options?.ttl;
    try {
      if (ttl === undefined || ttl === null || ttl <= 0) await this.redis.set(this.prefix + key, value);
      else await this.redis.set(this.prefix + key, value, 'EX', Math.ceil(ttl));
    } catch (error) {
      this.log(`Persisted query registration failed, not shared: ${(error as Error).message}`);
    }
  }

  async delete(key: string): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch {
      return false;
    }
  }
}
