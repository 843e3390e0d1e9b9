import type { AnyImportFormat } from '../../../common/import/format';
import { createFamilyRepository } from '../../../common/store/family-repository';
import { createImportRepository, type ImportLedgerRecord } from '../../../common/store/import-repository';
import { closeStore, openStore } from '../../../common/store/open-store';
import { storedSubgraphNamed } from '../../registry';

/** A register's store as the batch reads it, through its descriptor: its format, its families, its import ledger. */
export interface RegisterReader {
  readonly name: string;
  readonly format: AnyImportFormat;
  familiesByNoKK(noKKs: readonly string[]): Promise<(unknown | null)[]>;
  ledger(): Promise<ImportLedgerRecord[]>;
  close(): Promise<void>;
}

/** Opens a register's store (its migrations run on open, as the importer's do). */
export async function openRegisterReader(name: string, url: string): Promise<RegisterReader> {
  const parts = await storedSubgraphNamed(name).load();
  const dataSource = await openStore(url, parts.store);
  const families = createFamilyRepository(dataSource, parts.layout);
  const imports = createImportRepository(dataSource, parts.layout);
  return {
    name,
    format: parts.importFormat,
    familiesByNoKK: (noKKs) => families.familiesByNoKK(noKKs),
    ledger: () => imports.ledger(),
    close: () => closeStore(dataSource),
  };
}
