import { FamilyAuditEntryEntity } from '../../common/store/audit-entity';
import type { StoreDefinition } from '../../common/store/open-store';
import { ChangeBatchEntity, ChangeBatchFileEntity, ChangeBatchRequestEntity } from './batch/entities';
import { ChangeRequestEntity, ChangeTransitionEntity, IdempotencyKeyEntity } from './entities';
import { ChangesInitial1796601600000 } from './migrations/1796601600000-changes-initial';
import { ChangesBatch1796688000000 } from './migrations/1796688000000-changes-batch';

/** The changes store's tables (the requests, their history, the idempotency keys, the audit trail by No. KK, the period batches) and migrations. */
export const CHANGES_STORE: StoreDefinition = {
  entities: [ChangeRequestEntity, ChangeTransitionEntity, IdempotencyKeyEntity, FamilyAuditEntryEntity, ChangeBatchEntity, ChangeBatchFileEntity, ChangeBatchRequestEntity],
  migrations: [ChangesInitial1796601600000, ChangesBatch1796688000000],
};
