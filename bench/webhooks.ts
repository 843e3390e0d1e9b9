// What webhook delivery costs on a large index: npx tsx bench/webhooks.ts [FAMILIES] [INDEX_URL] [PAGE_SIZE]
// e.g. npx tsx bench/webhooks.ts 100000 sqlite:/tmp/webhooks-bench/index.sqlite 500
// Keeps period 2026-10 over FAMILIES synthetic families, then 2026-11 after 3 % of them had their
// desil moved across the cut-offs; subscribes a partner (PKH, No. KK in full) and an analyst (PKH,
// masked) to a receiver on this machine that answers 204 at once, and times the gateway's
// deliverer: planning the pages of the period and sending them, signed, with the audit entries.
// The store must be empty (a fresh file or database).
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runCommand } from '../common/cli';
import { silentLogger } from '../common/logging/logger';
import { PROGRAMMES, TARGETED_PROGRAMMES } from '../common/programmes';
import { closeStore } from '../common/store/open-store';
import { Registry } from 'prom-client';
import type { ResolvedHousehold } from '../resolution/household';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { createIndexRepository, type IndexRepository } from '../resolution/repository';
import { openIndexStore } from '../resolution/store';
import { createWebhookStore } from '../resolution/webhook-store';
import { supergraphDisclosure } from '../gateway/supergraph/disclosure';
import { createWebhookDeliverer } from '../gateway/webhooks/deliverer';
import { addSubscription } from '../gateway/webhooks/subscriptions';
import { createWebhookMetrics } from '../gateway/webhooks/webhook-metrics';

const WRITE_BATCH = 1_000;
const MAX_DESIL: Readonly<Record<string, number>> = { PKH: 4, BPNT: 4, PBI_JK: 5, PIP: 4, BLT_DD: 1 };

interface Family {
  readonly noKK: string;
  desil: number;
}

function household(family: Family): ResolvedHousehold {
  const eligible = (program: string) => family.desil <= (MAX_DESIL[program] ?? 0);
  return {
    noKK: family.noKK,
    sources: ['REGSOSEK'],
    persons: 4,
    region: { code: `317${1 + (Number(family.noKK.slice(-3)) % 5)}011001` },
    desil: { value: family.desil, source: 'REGSOSEK', conflict: false },
    eligibility: PROGRAMMES.map((program) => ({ program, eligible: eligible(program), estimatedAnnualBenefit: 0, ruleSet: '2025' })),
    targeting: TARGETED_PROGRAMMES.map((program) => ({ program, status: eligible(program) ? 'EXCLUSION_ERROR' : 'NOT_TARGETED' })),
    dataQuality: [],
  };
}

async function keepPeriod(index: IndexRepository, period: string, families: readonly Family[]): Promise<void> {
  const run = await index.startRun({ ruleSet: '2025', evaluationDate: '2026-11-28', startedAt: new Date().toISOString(), cursors: '{}', period });
  for (let start = 0; start < families.length; start += WRITE_BATCH) {
    await index.saveHouseholds(families.slice(start, start + WRITE_BATCH).map(household), run.id, new Date().toISOString());
  }
  await index.finishRun(run.id, new Date().toISOString());
}

async function main(): Promise<number> {
  const count = Number(process.argv[2] ?? 100_000);
  const url = process.argv[3] ?? 'sqlite:/tmp/webhooks-bench/index.sqlite';
  const pageSize = Number(process.argv[4] ?? 500);
  if (url.startsWith('sqlite:')) mkdirSync(path.dirname(url.slice('sqlite:'.length)), { recursive: true });
  const dataSource = await openIndexStore(url);
  const received = { posts: 0, bytes: 0 };
  const receiver = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (received.bytes += chunk.length));
    req.on('end', () => {
      received.posts++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const writer = createIndexRepository(dataSource);
    const index = createIndexQueryRepository(dataSource);
    const store = createWebhookStore(dataSource);
    const families: Family[] = Array.from({ length: count }, (_, i) => ({ noKK: `31${String(i).padStart(14, '0')}`, desil: 1 + randomInt(10) }));
    await keepPeriod(writer, '2026-10', families);
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const secretKey = 'bench-webhook-key-of-at-least-32-characters';
    for (const [organisation, roles, programmes] of [['kemensos', ['partner'], ['PKH']], ['bappenas', ['analyst'], null]] as const) {
      await addSubscription(
        { organisation, subject: `${organisation}-hook`, roles, programmes, regions: null, purpose: 'bench', program: 'PKH', url: receiverUrl },
        { store, index, secretKey, allowPrivateUrls: true, now: new Date() },
      );
    }
    for (const family of families) if (randomInt(100) < 3) family.desil = family.desil <= 4 ? 5 + randomInt(6) : 1 + randomInt(4);
    await keepPeriod(writer, '2026-11', families);
    const changes = (await index.eligibilityChanges({ program: 'PKH', from: '2026-10', to: '2026-11' }, null, 100_000, null)).changes.length;

    const started = performance.now();
    const deliverer = createWebhookDeliverer({
      store,
      index,
      config: { pollIntervalMs: 20, maxAttempts: 3, backoffInitialMs: 100, backoffMaxMs: 1_000, timeoutMs: 10_000, pageSize, allowPrivateUrls: true, secretKey },
      disclosure: supergraphDisclosure(),
      metrics: createWebhookMetrics(new Registry()),
      logger: silentLogger(),
    });
    let planned: number | null = null;
    deliverer.start();
    for (;;) {
      const counts = await store.stateCounts();
      const total = counts.pending + counts.sending + counts.delivered + counts.failed;
      if (planned === null && total > 0) planned = (performance.now() - started) / 1000;
      if (total > 0 && counts.delivered + counts.failed === total) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    await deliverer.stop();
    const counts = await store.stateCounts();
    process.stdout.write(
      `${count.toLocaleString('en')} families, ${changes.toLocaleString('en')} PKH changes between 2026-10 and 2026-11, pages of ${pageSize}, 2 subscribers\n` +
        `pages: ${counts.delivered} delivered, ${counts.failed} failed; ${received.posts} POSTs, ${(received.bytes / 1e6).toFixed(2)} MB\n` +
        `first pages planned after ${planned?.toFixed(2)} s; every page delivered after ${seconds.toFixed(2)} s (${(changes * 2 / seconds).toFixed(0)} deltas/s)\n`,
    );
    return 0;
  } finally {
    receiver.close();
    await closeStore(dataSource);
  }
}

runCommand('webhooks benchmark', main);
