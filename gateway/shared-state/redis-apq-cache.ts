import type Redis from 'ioredis';
import { ENTRY_OVERHEAD_BYTES, PERSISTED_QUERY_TTL_SECONDS, type PersistedQueryLimits } from '../persisted-queries/limits';
import type { Logger } from '../../common/logging/logger';

/** The field of the documents hash that holds the bytes its entries count; registered keys all start with `apq:`. */
const BYTES_FIELD = '#bytes';

/** Milliseconds of Redis's own clock, so that every gateway instance ages entries alike. */
const NOW = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/**
 * KEYS: documents (hash: key -> query text, and BYTES_FIELD), last-used (sorted set: key -> ms).
 * ARGV: key, text, ttl ms, budget bytes, largest text, overhead bytes per entry.
 * Sweeps expired entries, stores the text and forgets the least recently used until the entries
 * fit the budget again. The counter lives in the documents hash so that both go together: a hash
 * lost some other way (evicted, flushed) starts the count afresh with an empty sorted set.
 */
const REGISTER = `${NOW}
local documents, lastUsed = KEYS[1], KEYS[2]
local key, text = ARGV[1], ARGV[2]
local ttl, budget, largest, overhead = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if #text > largest then return 0 end
local bytes = tonumber(redis.call('HGET', documents, '${BYTES_FIELD}'))
if not bytes then
  redis.call('DEL', documents, lastUsed)
  bytes = 0
end
local function forget(member)
  bytes = bytes - redis.call('HSTRLEN', documents, member) - overhead
  redis.call('HDEL', documents, member)
  redis.call('ZREM', lastUsed, member)
end
for _, member in ipairs(redis.call('ZRANGEBYSCORE', lastUsed, '-inf', now - ttl, 'LIMIT', 0, 100)) do forget(member) end
if redis.call('HEXISTS', documents, key) == 1 then forget(key) end
redis.call('HSET', documents, key, text)
redis.call('ZADD', lastUsed, now, key)
bytes = bytes + #text + overhead
while bytes > budget do
  local oldest = redis.call('ZRANGE', lastUsed, 0, 0)[1]
  if oldest == nil or oldest == key then break end
  forget(oldest)
end
redis.call('HSET', documents, '${BYTES_FIELD}', math.max(bytes, 0))
redis.call('PEXPIRE', documents, ttl)
redis.call('PEXPIRE', lastUsed, ttl)
return 1`;

/** KEYS as REGISTER; ARGV: key, ttl ms. The text, marking it used now; nil when unknown or expired. */
const LOOKUP = `${NOW}
local documents, lastUsed = KEYS[1], KEYS[2]
local key, ttl = ARGV[1], tonumber(ARGV[2])
local text = redis.call('HGET', documents, key)
if not text then return false end
local used = tonumber(redis.call('ZSCORE', lastUsed, key))
if not used or used <= now - ttl then return false end
redis.call('ZADD', lastUsed, now, key)
redis.call('PEXPIRE', documents, ttl)
redis.call('PEXPIRE', lastUsed, ttl)
return text`;

/** KEYS as REGISTER; ARGV: key, overhead bytes per entry. 1 when the key was there. */
const FORGET = `local documents, lastUsed = KEYS[1], KEYS[2]
local key, overhead = ARGV[1], tonumber(ARGV[2])
if redis.call('HEXISTS', documents, key) == 0 then return 0 end
local bytes = tonumber(redis.call('HGET', documents, '${BYTES_FIELD}')) or 0
bytes = bytes - redis.call('HSTRLEN', documents, key) - overhead
redis.call('HDEL', documents, key)
redis.call('ZREM', lastUsed, key)
redis.call('HSET', documents, '${BYTES_FIELD}', math.max(bytes, 0))
return 1`;

interface PersistedQueryCommands {
  apqRegister(documents: string, lastUsed: string, key: string, text: string, ttlMs: number, budget: number, largest: number, overhead: number): Promise<number>;
  apqLookup(documents: string, lastUsed: string, key: string, ttlMs: number): Promise<string | null>;
  apqForget(documents: string, lastUsed: string, key: string, overhead: number): Promise<number>;
}

/**
 * Apollo Server's `KeyValueCache` (get, set, delete) over Redis, for the automatic persisted
 * queries several gateway instances share, within a byte budget all instances count together: the
 * texts live in one hash (`<prefix>apq:documents`) with the bytes they count, and their last use in
 * one sorted set (`<prefix>apq:last-used`). Each registration, in one Lua script, forgets the least
 * recently used until the entries fit `budgetBytes`, so persisted queries never grow Redis beyond
 * the budget and cannot push it into evicting the rate limit's keys (docs/scaling.md). A query is
 * forgotten PERSISTED_QUERY_TTL_SECONDS after its last use; the TTL is the cache's own.
 *
 * Errors are misses: a Redis outage must not fail a request. A lookup that fails answers
 * PERSISTED_QUERY_NOT_FOUND and the client resends the whole query; a registration that fails is
 * only lost.
 */
export class RedisPersistedQueryCache {
  private readonly redis: Redis & PersistedQueryCommands;
  private readonly documents: string;
  private readonly lastUsed: string;
  private readonly ttlMs = PERSISTED_QUERY_TTL_SECONDS * 1000;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly limits: PersistedQueryLimits,
    private readonly logger: Logger,
  ) {
    redis.defineCommand('apqRegister', { numberOfKeys: 2, lua: REGISTER });
    redis.defineCommand('apqLookup', { numberOfKeys: 2, lua: LOOKUP });
    redis.defineCommand('apqForget', { numberOfKeys: 2, lua: FORGET });
    this.redis = redis as Redis & PersistedQueryCommands;
    this.documents = `${prefix}apq:documents`;
    this.lastUsed = `${prefix}apq:last-used`;
  }

  async get(key: string): Promise<string | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      return (await this.redis.apqLookup(this.documents, this.lastUsed, key, this.ttlMs)) ?? undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'Persisted query lookup failed, answered as unknown');
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    if (this.redis.status !== 'ready') return;
    try {
      await this.redis.apqRegister(this.documents, this.lastUsed, key, value, this.ttlMs, this.limits.budgetBytes, this.limits.maxQueryBytes, ENTRY_OVERHEAD_BYTES);
    } catch (error) {
      this.logger.warn({ err: error }, 'Persisted query registration failed, not shared');
    }
  }

  async delete(key: string): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    try {
      return (await this.redis.apqForget(this.documents, this.lastUsed, key, ENTRY_OVERHEAD_BYTES)) === 1;
    } catch {
      return false;
    }
  }
}
