import { AuditEntryEntity } from '../../common/store/audit-entity';
import { FamilyHistoryEntity, ImportLedgerEntity } from '../../common/store/import-entities';
import type { StoreDefinition } from '../../common/store/open-store';
import { P3keFamilyEntity, P3keInterventionEntity, P3keMemberEntity } from './entities';
import { P3keInitial1767225600000 } from './migrations/1767225600000-p3ke-initial';
import { P3keAudit1767312000000 } from './migrations/1767312000000-p3ke-audit';
import { P3keImport1767398400000 } from './migrations/1767398400000-p3ke-import';
import { P3keListingKey1767657600000 } from './migrations/1767657600000-p3ke-listing-key';
import { P3keAuditRequestId1767830400000 } from './migrations/1767830400000-p3ke-audit-request-id';

/** The P3KE store's tables (its records', the audit trail's and the import ledger's) and migrations. */
export const P3KE_STORE: StoreDefinition = {
  entities: [P3keFamilyEntity, P3keMemberEntity, P3keInterventionEntity, AuditEntryEntity, ImportLedgerEntity, FamilyHistoryEntity],
  migrations: [P3keInitial1767225600000, P3keAudit1767312000000, P3keImport1767398400000, P3keListingKey1767657600000, P3keAuditRequestId1767830400000],
};
