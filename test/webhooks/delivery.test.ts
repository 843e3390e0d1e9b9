import type { DataSource } from 'typeorm';
import { Registry } from 'prom-client';
import { maskIdentifier } from '../../common/auth/masking';
import { silentLogger } from '../../common/logging/logger';
import { closeStore } from '../../common/store/open-store';
import { createIndexQueryRepository, type IndexQueryRepository } from '../../resolution/query-repository';
import { createIndexRepository, type IndexRepository } from '../../resolution/repository';
import { openIndexStore } from '../../resolution/store';
import { createWebhookStore, type WebhookStore } from '../../resolution/webhook-store';
import type { DeliveryState } from '../../resolution/webhook-entities';
import { eligibilityChangeAnswer } from '../../resolution/eligibility-changes';
import { supergraphDisclosure } from '../../gateway/supergraph/disclosure';
import type { WebhookConfig } from '../../gateway/webhooks/config';
import { createWebhookDeliverer, type WebhookDeliverer } from '../../gateway/webhooks/deliverer';
import type { DeltaPage } from '../../gateway/webhooks/period-deltas';
import { Webhook } from 'standardwebhooks';
import { addSubscription, type NewSubscription } from '../../gateway/webhooks/subscriptions';
import { createWebhookMetrics, type WebhookMetrics } from '../../gateway/webhooks/webhook-metrics';
import { createTestIndexStore, type TestIndexStore } from '../resolution/index-store';
import { keepPeriod, type Family } from './kept-periods';
import { startReceiver, type Receiver, type ReceivedPost } from './receiver';

// The gateway's webhook delivery against a real index store and a real receiver on port 0: periods
// kept as a resolution run keeps them, subscriptions of a partner, an analyst (no pii) and two
// caseworkers (31.71), a receiver that fails, times out and is redeployed, a gateway restarted
// between periods. SQLite only: the ledger's SQL is checked on MariaDB in ledger.test.ts.

const PKH_31_71 = '3171011001';
const PKH_31_72 = '3172011001';
const family = (serial: number, region: string, desil: number): Family => ({ noKK: `${region.slice(0, 4)}0100010000${String(serial).padStart(2, '0')}`, region, desil });

const OCTOBER = [family(1, PKH_31_71, 3), family(2, PKH_31_71, 6), family(3, PKH_31_72, 2), family(4, PKH_31_72, 8), family(5, PKH_31_71, 4), family(6, PKH_31_72, 1)];
// A and C leave PKH's list (desil up), B and D enter it, F leaves the registers, G comes eligible, H comes not.
const NOVEMBER = [family(1, PKH_31_71, 5), family(2, PKH_31_71, 2), family(3, PKH_31_72, 7), family(4, PKH_31_72, 3), family(5, PKH_31_71, 4), family(7, PKH_31_72, 2), family(8, PKH_31_71, 9)];
// E leaves the list, H enters it.
const DECEMBER = [family(1, PKH_31_71, 5), family(2, PKH_31_71, 2), family(3, PKH_31_72, 7), family(4, PKH_31_72, 3), family(5, PKH_31_71, 9), family(7, PKH_31_72, 2), family(8, PKH_31_71, 1)];

const noKK = (serial: number, region: string) => family(serial, region, 0).noKK;
const NOVEMBER_CHANGES: Record<string, string> = {
  [noKK(1, PKH_31_71)]: 'REMOVED',
  [noKK(2, PKH_31_71)]: 'ADDED',
  [noKK(3, PKH_31_72)]: 'REMOVED',
  [noKK(4, PKH_31_72)]: 'ADDED',
  [noKK(6, PKH_31_72)]: 'REMOVED',
  [noKK(7, PKH_31_72)]: 'ADDED',
};
const DECEMBER_CHANGES: Record<string, string> = { [noKK(5, PKH_31_71)]: 'REMOVED', [noKK(8, PKH_31_71)]: 'ADDED' };

const CONFIG: Omit<WebhookConfig, 'enabled'> = Object.freeze({
  pollIntervalMs: 50,
  maxAttempts: 8,
  backoffInitialMs: 50,
  backoffMaxMs: 300,
  // Long enough that a loaded machine's receiver is not taken for a silent one.
  timeoutMs: 1_000,
  pageSize: 2,
  allowPrivateUrls: true,
  secretKey: 'a-webhook-key-of-at-least-thirty-two-characters',
});

const subscriber = (path: string, claims: Omit<NewSubscription, 'url' | 'program' | 'purpose' | 'subject'>) => ({ path, claims });
const SUBSCRIBERS = {
  partner: subscriber('/partner', { organisation: 'kemensos-pkh', roles: ['partner'], programmes: ['PKH'], regions: null }),
  analyst: subscriber('/analyst', { organisation: 'bappenas', roles: ['analyst'], programmes: null, regions: null }),
  caseworker: subscriber('/caseworker', { organisation: 'dinsos-jakpus', roles: ['caseworker'], programmes: null, regions: ['31.71'] }),
  broken: subscriber('/broken', { organisation: 'dinsos-jakpus-2', roles: ['caseworker'], programmes: null, regions: ['31.71'] }),
} as const;
type Name = keyof typeof SUBSCRIBERS;

let testStore: TestIndexStore;
let dataSource: DataSource | undefined;
let writer: IndexRepository;
let index: IndexQueryRepository;
let store: WebhookStore;
let receiver: Receiver;
/** The broken subscriber's, never redeployed: its failures are its own. */
let steadyReceiver: Receiver;
let registry: Registry;
let metrics: WebhookMetrics;
const subscriptions = {} as Record<Name, { id: string; secret: string }>;
let deliverer: WebhookDeliverer | undefined;

function startDeliverer(): WebhookDeliverer {
  const started = createWebhookDeliverer({ store, index, config: CONFIG, disclosure: supergraphDisclosure(), metrics, logger: silentLogger() });
  started.start();
  return started;
}

async function settled(expected: Partial<Record<DeliveryState, number>>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const counts = await store.stateCounts();
    if (Object.entries({ pending: 0, sending: 0, ...expected }).every(([state, n]) => counts[state as DeliveryState] === n)) return;
    if (Date.now() > deadline) throw new Error(`The ledger did not settle: ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const accepted = (path: string, to?: string) => receiver.posts.filter((post) => post.path === path && post.answer === 'ok' && (to === undefined || (JSON.parse(post.body) as DeltaPage).to === to));
const pagesOf = (posts: readonly ReceivedPost[]) => posts.map((post) => JSON.parse(post.body) as DeltaPage).sort((a, b) => a.page - b.page);

/** The rows `eligibilityChanges` gives a reader of these regions, as the API shapes them. */
async function apiChanges(from: string, to: string, regions: readonly string[] | null) {
  const kept = await index.keptPeriods();
  const [fromRow, toRow] = [kept.find((row) => row.period === from), kept.find((row) => row.period === to)];
  if (!fromRow || !toRow) throw new Error('periods not kept');
  const page = await index.eligibilityChanges({ program: 'PKH', from, to }, regions, 100, null);
  return page.changes.map((row) => eligibilityChangeAnswer(row, 'PKH', fromRow, toRow));
}

/** A gateway restarting opens the index anew: nothing of the last one survives but the store. */
async function reopen(): Promise<void> {
  if (dataSource) await closeStore(dataSource);
  dataSource = await openIndexStore(testStore.url);
  writer = createIndexRepository(dataSource);
  index = createIndexQueryRepository(dataSource);
  store = createWebhookStore(dataSource);
}

beforeAll(async () => {
  testStore = createTestIndexStore('sqlite');
  await reopen();
  registry = new Registry();
  metrics = createWebhookMetrics(registry);
  receiver = await startReceiver();
  steadyReceiver = await startReceiver();
  await keepPeriod(writer, '2026-10', OCTOBER);
  for (const [name, { path, claims }] of Object.entries(SUBSCRIBERS) as [Name, (typeof SUBSCRIBERS)[Name]][]) {
    const { subscription, secret } = await addSubscription(
      { ...claims, subject: `${name}-service`, purpose: 'programme list changes', program: 'PKH', url: (name === 'broken' ? steadyReceiver : receiver).url(path) },
      { store, index, secretKey: CONFIG.secretKey, allowPrivateUrls: true, now: new Date() },
    );
    subscriptions[name] = { id: subscription.id, secret };
  }
  // The partner's receiver fails its first attempt (503), lets the second time out, then is redeployed.
  receiver.script('/partner', ['unavailable', 'silent']);
  steadyReceiver.script('/broken', Array(CONFIG.maxAttempts).fill('unavailable'));
  // Redeployed once the gateway has given up on the silent attempt (timed out): down for 300 ms.
  const redeployed = new Promise<void>((resolve) => {
    receiver.onSilentAbandoned(() => {
      void receiver.stop().then(() => setTimeout(() => void receiver.start().then(resolve), 300));
    });
  });
  await keepPeriod(writer, '2026-11', NOVEMBER);
  deliverer = startDeliverer();
  await redeployed;
  await settled({ delivered: 7, failed: 1 });
}, 60_000);

afterAll(async () => {
  await deliverer?.stop();
  await receiver.stop();
  await steadyReceiver.stop();
  if (dataSource) await closeStore(dataSource);
  await testStore.remove();
});

describe('webhooks: a period kept in the index is POSTed to each subscriber', () => {
  it("when the partner's receiver answers 503, then times out, then is redeployed, then it still takes every delta of the period once, in pages of the configured size, the same rows as eligibilityChanges", async () => {
    const posts = accepted('/partner', '2026-11');
    expect(new Set(posts.map((post) => post.deliveryId)).size).toBe(posts.length);
    const pages = pagesOf(posts);
    expect(pages.map(({ page, pages: of, changes }) => ({ page, of, size: changes.length }))).toEqual([
      { page: 1, of: 3, size: 2 },
      { page: 2, of: 3, size: 2 },
      { page: 3, of: 3, size: 2 },
    ]);
    const changes = pages.flatMap((page) => page.changes);
    expect(changes).toEqual(await apiChanges('2026-10', '2026-11', null));
    expect(Object.fromEntries(changes.map((change) => [change.noKK, change.change]))).toEqual(NOVEMBER_CHANGES);
    expect(pages[0]).toEqual({ event: 'eligibility.changes', deliveryId: posts.find((post) => (JSON.parse(post.body) as DeltaPage).page === 1)?.deliveryId, subscriptionId: subscriptions.partner.id, program: 'PKH', from: '2026-10', to: '2026-11', page: 1, pages: 3, changes: changes.slice(0, 2) });

    const firstPage = receiver.posts.filter((post) => post.path === '/partner' && (JSON.parse(post.body) as DeltaPage).page === 1);
    expect(firstPage.map((post) => post.answer)).toEqual(['unavailable', 'silent', 'ok']);
    expect(new Set(firstPage.map((post) => post.deliveryId)).size).toBe(1);
    const ledger = (await store.deliveries(subscriptions.partner.id)).find((row) => row.period === '2026-11' && row.page === 1);
    expect(ledger).toMatchObject({ state: 'delivered', lastStatus: 204, lastError: null, deliveryId: firstPage[0]?.deliveryId });
    expect(ledger?.attempts).toBeGreaterThanOrEqual(3);
  });

  it('when a subscriber verifies each POST with a Standard Webhooks library, as docs/partners.md says, then every one is signed with its secret, and a changed body, another secret, an old timestamp or a missing header is refused', () => {
    const verdict = (secret: string, body: string, headers: Record<string, string>): string => {
      try {
        new Webhook(secret).verify(body, headers);
        return 'valid';
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (const [name, { path }] of Object.entries(SUBSCRIBERS) as [Name, (typeof SUBSCRIBERS)[Name]][]) {
      for (const post of [...receiver.posts, ...steadyReceiver.posts].filter((p) => p.path === path)) expect(verdict(subscriptions[name].secret, post.body, post.headers)).toBe('valid');
    }
    const post = accepted('/partner')[0] as ReceivedPost;
    const sentLongAgo = new Date(Date.now() - 301_000);
    const replayed = { ...post.headers, 'webhook-timestamp': String(Math.floor(sentLongAgo.getTime() / 1000)), 'webhook-signature': new Webhook(subscriptions.partner.secret).sign(post.deliveryId, sentLongAgo, post.body) };
    const { ['webhook-signature']: _signature, ...unsigned } = post.headers;
    const tampered = post.body.replace('"program":"PKH"', '"program":"BPNT"');
    expect(tampered).not.toBe(post.body);
    expect([
      verdict(subscriptions.partner.secret, tampered, post.headers),
      verdict(subscriptions.analyst.secret, post.body, post.headers),
      verdict(subscriptions.partner.secret, post.body, replayed),
      verdict(subscriptions.partner.secret, post.body, unsigned),
    ]).toEqual(['No matching signature found', 'No matching signature found', 'Message timestamp too old', 'Missing required headers']);
  });

  it('when the subscriber has no pii scope (an analyst), then it receives the same deltas with each No. KK masked as the API masks it', async () => {
    const changes = pagesOf(accepted('/analyst', '2026-11')).flatMap((page) => page.changes);
    expect(changes).toEqual((await apiChanges('2026-10', '2026-11', null)).map((change) => ({ ...change, noKK: maskIdentifier(change.noKK) })));
  });

  it('when the subscriber is bound to regions (a caseworker of 31.71), then it receives only the deltas of its regions, in full', async () => {
    const pages = pagesOf(accepted('/caseworker', '2026-11'));
    expect(pages.map((page) => page.pages)).toEqual([1]);
    expect(pages[0]?.changes).toEqual(await apiChanges('2026-10', '2026-11', ['3171']));
    expect(Object.fromEntries((pages[0]?.changes ?? []).map((change) => [change.noKK, change.change]))).toEqual({ [noKK(1, PKH_31_71)]: 'REMOVED', [noKK(2, PKH_31_71)]: 'ADDED' });
  });

  it('when a receiver answers 5xx to every attempt, then its page is marked failed after the configured attempts, and counted for operators', async () => {
    const posts = steadyReceiver.posts.filter((post) => post.path === '/broken');
    expect(posts.map((post) => post.answer)).toEqual(Array(CONFIG.maxAttempts).fill('unavailable'));
    const [row] = await store.deliveries(subscriptions.broken.id);
    expect(row).toMatchObject({ state: 'failed', attempts: CONFIG.maxAttempts, lastStatus: 503, lastError: 'http 503' });
    expect(await registry.getSingleMetricAsString('dtsen_webhook_pages_failed_total')).toContain('dtsen_webhook_pages_failed_total 1');
    const attempts = await registry.getSingleMetricAsString('dtsen_webhook_attempts_total');
    expect(attempts).toContain('dtsen_webhook_attempts_total{outcome="timeout"} 1');
    expect(attempts).toContain(`dtsen_webhook_attempts_total{outcome="http_error"} ${1 + CONFIG.maxAttempts}`);
    expect(await registry.getSingleMetricAsString('dtsen_webhook_pages')).toContain('dtsen_webhook_pages{state="failed"} 1');
  });

  it('when the gateway restarts and a further period is kept, then only the new period (and the failed page an operator asked to redeliver, with its delivery id) is delivered: no page a receiver acknowledged is sent again', async () => {
    await deliverer?.stop();
    await reopen();
    const before = receiver.posts.length;
    const steadyBefore = steadyReceiver.posts.length;
    expect(await store.redeliver(subscriptions.broken.id, null)).toBe(1);
    await keepPeriod(writer, '2026-12', DECEMBER);
    deliverer = startDeliverer();
    await settled({ delivered: 7 + 1 + 3 + 1, failed: 0 });

    const after = receiver.posts.slice(before);
    const brokenRow = (await store.deliveries(subscriptions.broken.id)).find((row) => row.period === '2026-11');
    expect(after.filter((post) => (JSON.parse(post.body) as DeltaPage).to === '2026-11')).toEqual([]);
    expect(steadyReceiver.posts.slice(steadyBefore).map((post) => [(JSON.parse(post.body) as DeltaPage).to, post.deliveryId, post.answer])).toEqual([
      ['2026-11', brokenRow?.deliveryId, 'ok'],
      ['2026-12', expect.any(String), 'ok'],
    ]);
    for (const name of Object.keys(SUBSCRIBERS) as Name[]) {
      const ids = [...accepted(SUBSCRIBERS[name].path), ...steadyReceiver.posts.filter((post) => post.path === SUBSCRIBERS[name].path && post.answer === 'ok')].map((post) => post.deliveryId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const december = pagesOf(accepted('/partner', '2026-12'));
    expect(december.map((page) => ({ from: page.from, to: page.to, pages: page.pages }))).toEqual([{ from: '2026-11', to: '2026-12', pages: 1 }]);
    expect(Object.fromEntries(december.flatMap((page) => page.changes).map((change) => [change.noKK, change.change]))).toEqual(DECEMBER_CHANGES);
    expect(pagesOf(accepted('/caseworker', '2026-12')).flatMap((page) => page.changes)).toEqual(await apiChanges('2026-11', '2026-12', ['3171']));
  }, 60_000);
});
