import type { DataSource } from 'typeorm';
import { openStore, type StoreDefinition, type StoreOptions } from '../../common/store/open-store';
import { DtksFamilyEntity, DtksMemberEntity, DtksReceiptEntity } from './entities';
import { DtksInitial1767225600000 } from './migrations/1767225600000-dtks-initial';

export const DTKS_STORE: StoreDefinition = {
  entities: [DtksFamilyEntity, DtksMemberEntity, DtksReceiptEntity],
  migrations: [DtksInitial1767225600000],
};

export function openDtksStore(url: string, options?: StoreOptions): Promise<DataSource> {
  return openStore(url, DTKS_STORE, options);
}
