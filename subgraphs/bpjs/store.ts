import { AuditEntryEntity } from '../../common/store/audit-entity';
import { FamilyHistoryEntity, ImportLedgerEntity } from '../../common/store/import-entities';
import type { StoreDefinition } from '../../common/store/open-store';
import { BpjsEnrolmentEntity, BpjsFamilyEntity } from './entities';
import { BpjsInitial1780272000000 } from './migrations/1780272000000-bpjs-initial';

/** The BPJS store's tables (its enrolments', the audit trail's and the import ledger's) and migrations. */
export const BPJS_STORE: StoreDefinition = {
  entities: [BpjsFamilyEntity, BpjsEnrolmentEntity, AuditEntryEntity, ImportLedgerEntity, FamilyHistoryEntity],
  migrations: [BpjsInitial1780272000000],
};
