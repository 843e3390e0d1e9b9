import { LRUCache } from 'lru-cache';
import type { IndexInfo } from '../../resolution/index-status';
import type { RegionScope } from '../../resolution/query-repository';
import type { Statistics } from '../../resolution/statistics';

/** Distinct (region, level, scope) questions kept: a nation's regions at every level, many times over. */
const MAX_ENTRIES = 2_000;

export interface StatisticsQuestion {
  readonly regionPrefix: string | null;
  readonly scope: RegionScope;
  readonly digits: number;
}

/**
 * The statistics of a finished run, built once and kept until another run finishes: only a
 * resolution run writes the index, and while one runs every question is read from the store and
 * built again. An index that is not current for another reason (registers imported since the run,
 * another rule set) still holds that run's rows, so its answers are kept too. Concurrent identical
 * questions share one read. A dashboard's every viewer asks the same few questions.
 */
export function createStatisticsCache() {
  const cache = new LRUCache<string, Promise<Statistics>>({ max: MAX_ENTRIES });
  return (index: IndexInfo, question: StatisticsQuestion, build: () => Promise<Statistics>): Promise<Statistics> => {
    if (index.runId === null || index.running !== null) return build();
    const key = JSON.stringify([index.runId, question.regionPrefix, question.scope, question.digits]);
    const cached = cache.get(key);
    if (cached) return cached;
    const building = build();
    cache.set(key, building);
    building.catch(() => cache.delete(key));
    return building;
  };
}
