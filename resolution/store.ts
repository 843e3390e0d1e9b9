import type { DataSource } from 'typeorm';
import { FamilyAuditEntryEntity } from '../common/store/audit-entity';
import { openStore, type StoreDefinition, type StoreOptions } from '../common/store/open-store';
import { RegionIssueCountEntity, RegionSummaryEntity, ResolutionRunEntity, ResolvedHouseholdEntity, ResolvedIssueEntity } from './entities';
import { IndexInitial1767312000000 } from './migrations/1767312000000-index-initial';
import { IndexPersons1767398400000 } from './migrations/1767398400000-index-persons';
import { IndexRegionDesil1767484800000 } from './migrations/1767484800000-index-region-desil';
import { IndexRegionSummary1767571200000 } from './migrations/1767571200000-index-region-summary';
import { IndexAudit1767657600000 } from './migrations/1767657600000-index-audit';
import { IndexListingKey1767744000000 } from './migrations/1767744000000-index-listing-key';
import { IndexRunProgress1767830400000 } from './migrations/1767830400000-index-run-progress';
import { IndexAuditRequestId1767873600000 } from './migrations/1767873600000-index-audit-request-id';
import { IndexRunLock1767916800000 } from './migrations/1767916800000-index-run-lock';
import { IndexKemendes1768003200000 } from './migrations/1768003200000-index-kemendes';
import { IndexBpjs1780272000000 } from './migrations/1780272000000-index-bpjs';
import { IndexPeriods1780358400000 } from './migrations/1780358400000-index-periods';
import { PeriodHouseholdEntity, PeriodRegionIssueCountEntity, PeriodRegionSummaryEntity, ResolutionPeriodEntity } from './period-entities';
import { IndexGraduation1780444800000 } from './migrations/1780444800000-index-graduation';
import { ResolutionLockEntity } from './run-lock';
import { IndexWebhooks1780531200000 } from './migrations/1780531200000-index-webhooks';
import { WebhookDeliveryEntity, WebhookSubscriptionEntity } from './webhook-entities';

export const INDEX_STORE: StoreDefinition = {
  entities: [ResolvedHouseholdEntity, ResolvedIssueEntity, ResolutionRunEntity, RegionSummaryEntity, RegionIssueCountEntity, FamilyAuditEntryEntity, ResolutionLockEntity,
    ResolutionPeriodEntity, PeriodHouseholdEntity, PeriodRegionSummaryEntity, PeriodRegionIssueCountEntity, WebhookSubscriptionEntity, WebhookDeliveryEntity],
  migrations: [
    IndexInitial1767312000000,
    IndexPersons1767398400000,
    IndexRegionDesil1767484800000,
    IndexRegionSummary1767571200000,
    IndexAudit1767657600000,
    IndexListingKey1767744000000,
    IndexRunProgress1767830400000,
    IndexAuditRequestId1767873600000,
    IndexRunLock1767916800000,
    IndexKemendes1768003200000,
    IndexBpjs1780272000000,
    IndexPeriods1780358400000,
    IndexGraduation1780444800000,
    IndexWebhooks1780531200000,
  ],
};

/** Opens the resolution index (`sqlite:<path>` or `mysql://…/db`) and migrates it. */
export function openIndexStore(url: string, options?: StoreOptions): Promise<DataSource> {
  return openStore(url, INDEX_STORE, options);
}
