import { AuditEntryEntity } from '../../common/store/audit-entity';
import { FamilyHistoryEntity, ImportLedgerEntity } from '../../common/store/import-entities';
import type { StoreDefinition } from '../../common/store/open-store';
import { KemendesFamilyEntity, KemendesRecipientEntity } from './entities';
import { KemendesInitial1768003200000 } from './migrations/1768003200000-kemendes-initial';

/** The Kemendes store's tables (its records', the audit trail's and the import ledger's) and migrations. */
export const KEMENDES_STORE: StoreDefinition = {
  entities: [KemendesFamilyEntity, KemendesRecipientEntity, AuditEntryEntity, ImportLedgerEntity, FamilyHistoryEntity],
  migrations: [KemendesInitial1768003200000],
};
