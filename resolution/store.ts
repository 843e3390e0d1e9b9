import type { DataSource } from 'typeorm';
import { openStore, type StoreDefinition, type StoreOptions } from '../common/store/open-store';
import { ResolutionRunEntity, ResolvedHouseholdEntity, ResolvedIssueEntity } from './entities';
import { IndexInitial1767312000000 } from './migrations/1767312000000-index-initial';
import { IndexPersons1767398400000 } from './migrations/1767398400000-index-persons';
import { IndexRegionDesil1767484800000 } from './migrations/1767484800000-index-region-desil';

export const INDEX_STORE: StoreDefinition = {
  entities: [ResolvedHouseholdEntity, ResolvedIssueEntity, ResolutionRunEntity],
  migrations: [IndexInitial1767312000000, IndexPersons1767398400000, IndexRegionDesil1767484800000],
};

/** Opens the resolution index (`sqlite:<path>` or `mysql://…/db`) and migrates it. */
export function openIndexStore(url: string, options?: StoreOptions): Promise<DataSource> {
  return openStore(url, INDEX_STORE, options);
}
