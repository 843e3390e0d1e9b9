import { LRUCache } from 'lru-cache';
import { entryBytes, PERSISTED_QUERY_TTL_SECONDS, type PersistedQueryLimits } from './limits';

/**
 * Apollo Server's `KeyValueCache` for automatic persisted queries in one gateway process: an LRU
 * bounded by the bytes of its entries, so registrations can never take more than the budget. A
 * query is forgotten PERSISTED_QUERY_TTL_SECONDS after it was last used, or earlier when newer
 * ones need its room. The TTL is the cache's own; Apollo is not given one.
 */
export class MemoryPersistedQueryCache {
  private readonly entries: LRUCache<string, string>;

  constructor(limits: PersistedQueryLimits) {
    this.entries = new LRUCache<string, string>({
      maxSize: limits.budgetBytes,
      maxEntrySize: entryBytes(limits.maxQueryBytes),
      sizeCalculation: (value) => entryBytes(Buffer.byteLength(value)),
      ttl: PERSISTED_QUERY_TTL_SECONDS * 1000,
      updateAgeOnGet: true,
    });
  }

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }
}
