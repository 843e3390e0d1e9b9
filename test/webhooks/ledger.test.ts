import type { DataSource } from 'typeorm';
import { closeStore } from '../../common/store/open-store';
import { openIndexStore } from '../../resolution/store';
import type { WebhookDeliveryRow, WebhookSubscriptionRow } from '../../resolution/webhook-entities';
import { createWebhookStore, type WebhookStore } from '../../resolution/webhook-store';
import { storeKinds } from '../support/stores';
import { createTestIndexStore, type TestIndexStore } from '../resolution/index-store';

// The delivery ledger as two gateway replicas see it: each its own connection to one index store.
// Planning the same pages twice keeps the first; of two claims of a page one wins; a delivered
// page is never due again; a page whose sender died is due again when its lease lapses.

const SUBSCRIPTION: WebhookSubscriptionRow = {
  id: 'whs_000000000000000000000001',
  organisation: 'kemensos-pkh',
  subject: 'partner-service',
  roles: 'partner',
  regions: null,
  programmes: 'PKH',
  purpose: 'programme list changes',
  program: 'PKH',
  url: 'https://partner.example.go.id/hooks/dtsen',
  secretNonce: '00'.repeat(32),
  afterPeriod: '2026-10',
  createdAt: '2026-11-01T00:00:00.000Z',
  removedAt: null,
};

const page = (n: number): WebhookDeliveryRow => ({
  subscriptionId: SUBSCRIPTION.id,
  period: '2026-11',
  page: n,
  pages: 2,
  fromPeriod: '2026-10',
  deliveryId: `whd_${String(n).padStart(32, '0')}`,
  afterListingKey: n === 1 ? null : 'k0001',
  afterNoKK: n === 1 ? null : '3171010001000001',
  size: 2,
  state: 'pending',
  attempts: 0,
  holder: null,
  leaseUntil: null,
  lastStatus: null,
  lastError: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  deliveredAt: null,
});

const T0 = new Date('2026-12-01T00:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 60_000;

describe.each(storeKinds())('the webhook delivery ledger, shared by two gateway replicas (%s)', (kind) => {
  let testStore: TestIndexStore;
  let sources: DataSource[];
  let first: WebhookStore;
  let second: WebhookStore;

  beforeAll(async () => {
    testStore = createTestIndexStore(kind);
    sources = [await openIndexStore(testStore.url)];
    sources.push(await openIndexStore(testStore.url));
    [first, second] = sources.map(createWebhookStore) as [WebhookStore, WebhookStore];
    await first.addSubscription(SUBSCRIPTION);
  });
  afterAll(async () => {
    for (const source of sources) await closeStore(source);
    await testStore.remove();
  });

  it('when both replicas plan the same period, then the first one\'s pages are kept and the second is told so', async () => {
    const plans = await Promise.all([first.planDeliveries([page(1), page(2)]), second.planDeliveries([page(1), page(2)])]);
    expect(plans.sort()).toEqual([false, true]);
    expect(await first.plannedPeriods()).toEqual(new Set([`${SUBSCRIPTION.id}|2026-11`]));
    expect((await second.dueDeliveries(T0, 10)).map((row) => row.page)).toEqual([1, 2]);
  });

  it('when both replicas claim the same page at once, then exactly one holds it, and the page is not due to anyone while its lease holds', async () => {
    const claims = await Promise.all([first.claim(page(1), 'first', T0, LEASE), second.claim(page(1), 'second', T0, LEASE)]);
    expect(claims.sort()).toEqual([false, true]);
    expect((await second.dueDeliveries(later(1_000), 10)).map((row) => row.page)).toEqual([2]);
  });

  it('when the holder records a 2xx, then the page is delivered and never claimed again, however late', async () => {
    const holder = (await first.deliveries(SUBSCRIPTION.id)).find((row) => row.page === 1)?.holder as string;
    const other = holder === 'first' ? 'second' : 'first';
    expect(await first.startAttempt(page(1), other, T0, LEASE)).toBe(false);
    expect(await first.startAttempt(page(1), holder, T0, LEASE)).toBe(true);
    expect(await first.markDelivered(page(1), holder, 204, later(10))).toBe(true);
    expect(await second.claim(page(1), other, later(10 * LEASE), LEASE)).toBe(false);
    expect((await second.dueDeliveries(later(10 * LEASE), 10)).map((row) => row.page)).toEqual([2]);
    expect((await second.deliveries(SUBSCRIPTION.id))[0]).toEqual({
      ...page(1),
      state: 'delivered',
      attempts: 1,
      lastStatus: 204,
      deliveredAt: later(10).toISOString(),
    });
  });

  it('when a holder dies between POST and record, then the page is due again after its lease, with its delivery id and the attempts counted so far', async () => {
    expect(await first.claim(page(2), 'first', T0, LEASE)).toBe(true);
    expect(await first.startAttempt(page(2), 'first', T0, LEASE)).toBe(true);
    expect(await second.claim(page(2), 'second', later(LEASE - 1), LEASE)).toBe(false);
    expect(await second.claim(page(2), 'second', later(LEASE + 1), LEASE)).toBe(true);
    const row = (await second.deliveries(SUBSCRIPTION.id)).find((delivery) => delivery.page === 2);
    expect(row).toMatchObject({ state: 'sending', holder: 'second', attempts: 1, deliveryId: page(2).deliveryId });
    expect(await first.markDelivered(page(2), 'first', 200, later(LEASE + 2))).toBe(false);
    await second.noteFailure(page(2), 'second', null, 'timeout');
    await second.markFailed(page(2), 'second');
    expect(await first.stateCounts()).toEqual({ pending: 0, sending: 0, delivered: 1, failed: 1 });
    expect(await first.redeliver(SUBSCRIPTION.id, '2026-11')).toBe(1);
    expect((await first.dueDeliveries(later(LEASE + 3), 10)).map((delivery) => [delivery.page, delivery.attempts, delivery.lastError])).toEqual([[2, 0, 'timeout']]);
  });

  it('when the subscription is removed, then none of its pages is due', async () => {
    expect(await first.removeSubscription(SUBSCRIPTION.id, later(5).toISOString())).toBe(true);
    expect(await first.removeSubscription(SUBSCRIPTION.id, later(6).toISOString())).toBe(false);
    expect(await second.dueDeliveries(later(LEASE * 10), 10)).toEqual([]);
    expect(await second.activeSubscriptions()).toEqual([]);
  });
});
