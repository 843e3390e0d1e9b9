import { createFamilyLoaders, type FamilyLoaders } from '../../common/loaders';
import type { DtksFamilyRecord, DtksMemberRecord } from './records';
import type { DtksRepository } from './repository';

export type DtksLoaders = FamilyLoaders<DtksFamilyRecord, DtksMemberRecord>;

/** Created per request: batches and caches the request's reads of the DTKS store. */
export function createDtksLoaders(repository: DtksRepository): DtksLoaders {
  return createFamilyLoaders(repository);
}
