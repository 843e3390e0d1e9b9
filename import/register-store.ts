import type { DataSource } from 'typeorm';
import { createImportRepository, type ImportRepository } from '../common/store/import-repository';
import { closeStore } from '../common/store/open-store';
import type { Register } from '../common/store-url';
import { dtksStoreLayout } from '../subgraphs/dtks/repository';
import { openDtksStore } from '../subgraphs/dtks/store';
import { p3keStoreLayout } from '../subgraphs/p3ke/repository';
import { openP3keStore } from '../subgraphs/p3ke/store';
import { regsosekStoreLayout } from '../subgraphs/regsosek/repository';
import { openRegsosekStore } from '../subgraphs/regsosek/store';

export interface ImportStore {
  readonly repository: ImportRepository<unknown>;
  close(): Promise<void>;
}

function withStore(dataSource: DataSource, repository: ImportRepository<unknown>): ImportStore {
  return { repository, close: () => closeStore(dataSource) };
}

/** Opens one register's store (migrations run on open) for importing. */
export async function openImportStore(register: Register, url: string): Promise<ImportStore> {
  switch (register) {
    case 'dtks': {
      const dataSource = await openDtksStore(url);
      return withStore(dataSource, createImportRepository(dataSource, dtksStoreLayout) as ImportRepository<unknown>);
    }
    case 'regsosek': {
      const dataSource = await openRegsosekStore(url);
      return withStore(dataSource, createImportRepository(dataSource, regsosekStoreLayout) as ImportRepository<unknown>);
    }
    case 'p3ke': {
      const dataSource = await openP3keStore(url);
      return withStore(dataSource, createImportRepository(dataSource, p3keStoreLayout) as ImportRepository<unknown>);
    }
  }
}
