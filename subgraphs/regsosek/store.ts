import type { DataSource } from 'typeorm';
import { openStore, type StoreDefinition, type StoreOptions } from '../../common/store/open-store';
import { RegsosekFamilyEntity, RegsosekMemberEntity } from './entities';
import { RegsosekInitial1767225600000 } from './migrations/1767225600000-regsosek-initial';

export const REGSOSEK_STORE: StoreDefinition = {
  entities: [RegsosekFamilyEntity, RegsosekMemberEntity],
  migrations: [RegsosekInitial1767225600000],
};

export function openRegsosekStore(url: string, options?: StoreOptions): Promise<DataSource> {
  return openStore(url, REGSOSEK_STORE, options);
}
