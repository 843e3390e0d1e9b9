import { randomUUID } from 'node:crypto';
import type { Principal } from '../../common/auth/principal';
import type { SchemaDisclosure } from '../../common/auth/schema-disclosure';
import { createAuditRecorder } from '../../common/subgraph/audit-recorder';
import type { ListingPosition } from '../../common/cursor';
import type { Programme } from '../../common/programmes';
import { eligibilityChangeAnswer, type EligibilityChangeAnswer } from '../../resolution/eligibility-changes';
import type { ResolutionPeriodRow } from '../../resolution/period-entities';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import type { WebhookDeliveryRow, WebhookSubscriptionRow } from '../../resolution/webhook-entities';

// What a subscriber receives for one period: the rows `eligibilityChanges(program, from: previous
// kept period, to: period)` gives its principal, cut into pages when the period is first seen. A
// page is its start position and size, so every attempt sends the same deltas (kept periods do not
// change) and the ledger holds no personal data beyond the listing position it starts after.

export interface DeltaPage {
  readonly event: 'eligibility.changes';
  readonly deliveryId: string;
  readonly subscriptionId: string;
  readonly program: string;
  readonly from: string;
  readonly to: string;
  readonly page: number;
  readonly pages: number;
  readonly changes: readonly EligibilityChangeAnswer[];
}

/** The periods a subscription has yet to be told about: each kept period after its start, with the kept period before it. */
export function periodsToAnnounce(subscription: WebhookSubscriptionRow, kept: readonly ResolutionPeriodRow[]): { from: ResolutionPeriodRow; to: ResolutionPeriodRow }[] {
  const pairs: { from: ResolutionPeriodRow; to: ResolutionPeriodRow }[] = [];
  kept.forEach((to, i) => {
    const from = kept[i - 1];
    if (from !== undefined && (subscription.afterPeriod === null || to.period > subscription.afterPeriod)) pairs.push({ from, to });
  });
  return pairs;
}

/** One period's pages for one subscription, as ledger rows: pages of `pageSize` deltas in listing order, one empty page when none changed. */
export async function planPages(
  index: Pick<IndexQueryRepository, 'eligibilityChanges'>,
  subscription: WebhookSubscriptionRow,
  principal: Principal,
  periods: { from: ResolutionPeriodRow; to: ResolutionPeriodRow },
  pageSize: number,
  now: Date,
): Promise<WebhookDeliveryRow[]> {
  const query = { program: subscription.program as Programme, from: periods.from.period, to: periods.to.period };
  const starts: { after: ListingPosition | null; size: number }[] = [];
  let after: ListingPosition | null = null;
  for (;;) {
    const page = await index.eligibilityChanges(query, principal.regions, pageSize, after);
    if (page.changes.length > 0 || starts.length === 0) starts.push({ after, size: page.changes.length });
    const last = page.changes.at(-1);
    if (!page.hasNextPage || last === undefined) break;
    after = { listingKey: last.listingKey, noKK: last.noKK };
  }
  return starts.map((start, i) => ({
    subscriptionId: subscription.id,
    period: periods.to.period,
    page: i + 1,
    pages: starts.length,
    fromPeriod: periods.from.period,
    deliveryId: `whd_${randomUUID().replace(/-/g, '')}`,
    afterListingKey: start.after?.listingKey ?? null,
    afterNoKK: start.after?.noKK ?? null,
    size: start.size,
    state: 'pending',
    attempts: 0,
    holder: null,
    leaseUntil: null,
    lastStatus: null,
    lastError: null,
    createdAt: now.toISOString(),
    deliveredAt: null,
  }));
}

/**
 * The JSON body of a page, read as the subscriber's principal: its regions, the No. KK as its
 * disclosure class shows it to that principal. The families go to the index's audit trail (keyed
 * by the delivery id) before the body leaves.
 */
export async function deltaPageBody(
  index: Pick<IndexQueryRepository, 'eligibilityChanges' | 'keptPeriods' | 'appendAudit'>,
  delivery: WebhookDeliveryRow,
  subscription: WebhookSubscriptionRow,
  principal: Principal,
  disclosure: SchemaDisclosure,
): Promise<string> {
  const program = subscription.program as Programme;
  const kept = await index.keptPeriods();
  const from = kept.find((row) => row.period === delivery.fromPeriod);
  const to = kept.find((row) => row.period === delivery.period);
  if (from === undefined || to === undefined) throw new Error(`The index no longer keeps ${delivery.fromPeriod} and ${delivery.period}`);
  const after = delivery.afterListingKey === null || delivery.afterNoKK === null ? null : { listingKey: delivery.afterListingKey, noKK: delivery.afterNoKK };
  const rows = delivery.size === 0 ? [] : (await index.eligibilityChanges({ program, from: from.period, to: to.period }, principal.regions, delivery.size, after)).changes;
  const audit = createAuditRecorder(principal, (entries) => index.appendAudit(entries), delivery.deliveryId);
  for (const row of rows) audit.indexedFamily(row.noKK);
  await audit.flush();
  const shown = disclosure.shownAs('Household', 'noKK')(principal);
  const page: DeltaPage = {
    event: 'eligibility.changes',
    deliveryId: delivery.deliveryId,
    subscriptionId: subscription.id,
    program,
    from: from.period,
    to: to.period,
    page: delivery.page,
    pages: delivery.pages,
    changes: rows.map((row) => {
      const answer = eligibilityChangeAnswer(row, program, from, to);
      return { ...answer, noKK: shown(answer.noKK) };
    }),
  };
  return JSON.stringify(page);
}
