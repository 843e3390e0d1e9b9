import type { AnyImportFormat } from '../common/import/format';
import { createImportRepository, type ImportRepository } from '../common/store/import-repository';
import { closeStore, openStore } from '../common/store/open-store';
import { storedSubgraphNamed } from '../subgraphs/registry';

export interface ImportStore {
  readonly repository: ImportRepository<unknown>;
  close(): Promise<void>;
}

/** The CSV format of a stored subgraph of the registry (its import-format.ts). */
export async function importFormatOf(subgraph: string): Promise<AnyImportFormat> {
  return (await storedSubgraphNamed(subgraph).load()).importFormat;
}

/** Opens one stored subgraph's store (migrations run on open) for importing. */
export async function openImportStore(subgraph: string, url: string): Promise<ImportStore> {
  const parts = await storedSubgraphNamed(subgraph).load();
  const dataSource = await openStore(url, parts.store);
  return { repository: createImportRepository(dataSource, parts.layout) as ImportRepository<unknown>, close: () => closeStore(dataSource) };
}
