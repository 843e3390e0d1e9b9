import { LRUCache } from 'lru-cache';
import type { IndexInfo } from '../../resolution/index-status';
import type { RegionGroups, RegionScope } from '../../resolution/query-repository';

/** Distinct (region, level, scope) questions kept: a nation's regions at every level, many times over. */
const MAX_ENTRIES = 2_000;

export interface RegionGroupsQuestion {
  readonly regionPrefix: string | null;
  readonly scope: RegionScope;
  readonly digits: number;
}

/**
 * The region groups of a finished, current index, kept until another run finishes: only a
 * resolution run writes the index, and while one runs the index is not current and every read goes
 * to the store. Concurrent identical questions share one read. A dashboard's every viewer asks the
 * same few questions, each a GROUP BY over a city's or a province's families.
 */
export function createRegionGroupsCache() {
  const cache = new LRUCache<string, Promise<RegionGroups>>({ max: MAX_ENTRIES });
  return (index: IndexInfo, question: RegionGroupsQuestion, read: () => Promise<RegionGroups>): Promise<RegionGroups> => {
    if (!index.current || index.runId === null) return read();
    const key = JSON.stringify([index.runId, question.regionPrefix, question.scope, question.digits]);
    const cached = cache.get(key);
    if (cached) return cached;
    const reading = read();
    cache.set(key, reading);
    reading.catch(() => cache.delete(key));
    return reading;
  };
}
