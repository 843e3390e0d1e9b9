import { FamilyAuditEntryEntity } from '../../common/store/audit-entity';
import type { StoreDefinition } from '../../common/store/open-store';
import { ChangeRequestEntity, ChangeTransitionEntity, IdempotencyKeyEntity } from './entities';
import { ChangesInitial1796601600000 } from './migrations/1796601600000-changes-initial';

/** The changes store's tables (the requests, their history, the idempotency keys, the audit trail by No. KK) and migrations. */
export const CHANGES_STORE: StoreDefinition = {
  entities: [ChangeRequestEntity, ChangeTransitionEntity, IdempotencyKeyEntity, FamilyAuditEntryEntity],
  migrations: [ChangesInitial1796601600000],
};
