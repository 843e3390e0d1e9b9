import { AuditEntryEntity } from '../../common/store/audit-entity';
import { FamilyHistoryEntity, ImportLedgerEntity } from '../../common/store/import-entities';
import type { StoreDefinition } from '../../common/store/open-store';
import { DtksFamilyEntity, DtksMemberEntity, DtksReceiptEntity } from './entities';
import { DtksInitial1767225600000 } from './migrations/1767225600000-dtks-initial';
import { DtksAudit1767312000000 } from './migrations/1767312000000-dtks-audit';
import { DtksImport1767398400000 } from './migrations/1767398400000-dtks-import';
import { DtksListingKey1767657600000 } from './migrations/1767657600000-dtks-listing-key';
import { DtksAuditRequestId1767830400000 } from './migrations/1767830400000-dtks-audit-request-id';

/** The DTKS store's tables (its records', the audit trail's and the import ledger's) and migrations. */
export const DTKS_STORE: StoreDefinition = {
  entities: [DtksFamilyEntity, DtksMemberEntity, DtksReceiptEntity, AuditEntryEntity, ImportLedgerEntity, FamilyHistoryEntity],
  migrations: [DtksInitial1767225600000, DtksAudit1767312000000, DtksImport1767398400000, DtksListingKey1767657600000, DtksAuditRequestId1767830400000],
};
