import { createFamilyLoaders, type FamilyLoaders } from '../../common/loaders';
import type { P3keFamilyRecord, P3keMemberRecord } from './records';
import type { P3keRepository } from './repository';

export type P3keLoaders = FamilyLoaders<P3keFamilyRecord, P3keMemberRecord>;

/** Created per request: batches and caches the request's reads of the P3KE store. */
export function createP3keLoaders(repository: P3keRepository): P3keLoaders {
  return createFamilyLoaders(repository);
}
