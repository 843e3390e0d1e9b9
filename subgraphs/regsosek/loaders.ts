import { createFamilyLoaders, type FamilyLoaders } from '../../common/loaders';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from './records';
import type { RegsosekRepository } from './repository';

export type RegsosekLoaders = FamilyLoaders<RegsosekFamilyRecord, RegsosekMemberRecord>;

/** Created per request: batches and caches the request's reads of the REGSOSEK store. */
export function createRegsosekLoaders(repository: RegsosekRepository): RegsosekLoaders {
  return createFamilyLoaders(repository);
}
