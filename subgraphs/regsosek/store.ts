import { AuditEntryEntity } from '../../common/store/audit-entity';
import { FamilyHistoryEntity, ImportLedgerEntity } from '../../common/store/import-entities';
import type { StoreDefinition } from '../../common/store/open-store';
import { RegsosekFamilyEntity, RegsosekMemberEntity } from './entities';
import { RegsosekInitial1767225600000 } from './migrations/1767225600000-regsosek-initial';
import { RegsosekAudit1767312000000 } from './migrations/1767312000000-regsosek-audit';
import { RegsosekImport1767398400000 } from './migrations/1767398400000-regsosek-import';
import { RegsosekListingKey1767657600000 } from './migrations/1767657600000-regsosek-listing-key';
import { RegsosekAuditRequestId1767830400000 } from './migrations/1767830400000-regsosek-audit-request-id';

/** The REGSOSEK store's tables (its records', the audit trail's and the import ledger's) and migrations. */
export const REGSOSEK_STORE: StoreDefinition = {
  entities: [RegsosekFamilyEntity, RegsosekMemberEntity, AuditEntryEntity, ImportLedgerEntity, FamilyHistoryEntity],
  migrations: [RegsosekInitial1767225600000, RegsosekAudit1767312000000, RegsosekImport1767398400000, RegsosekListingKey1767657600000, RegsosekAuditRequestId1767830400000],
};
