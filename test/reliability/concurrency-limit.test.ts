import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Registry } from 'prom-client';
import { concurrencyLimit, type ConcurrencyLimitSettings } from '../../gateway/resilience/concurrency-limit';

const OVERLOADED = {
  status: 503,
  retryAfter: '1',
  body: { errors: [{ message: 'The gateway is busy; retry shortly', extensions: { code: 'OVERLOADED', retryAfterSeconds: 1 } }] },
};

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: unknown;
}

/**
 * An app behind the limit whose handler holds each request until the test releases it by name,
 * so which requests run, wait or are refused is decided by the test alone, not by timing. Each
 * request is its own principal unless sent `as` one.
 */
async function startLimitedApp(settings: Omit<ConcurrencyLimitSettings, 'maxConcurrentPerPrincipal'> & { maxConcurrentPerPrincipal?: number }) {
  const registry = new Registry();
  const started: string[] = [];
  const held = new Map<string, () => void>();
  const closed: string[] = [];
  const app = express();
  app.use((req, res, next) => {
    res.once('close', () => closed.push(String(req.query['name'])));
    next();
  });
  const limit = concurrencyLimit(
    { maxConcurrentPerPrincipal: settings.maxConcurrent, ...settings },
    registry,
    (req) => String(req.query['as'] ?? req.query['name']),
  );
  app.post('/graphql', limit, (req, res) => {
    const name = String(req.query['name']);
    started.push(name);
    held.set(name, () => res.json({ data: { name } }));
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const metric = async (name: string) => {
    const text = await registry.metrics();
    const lines = text.split('\n').filter((line) => line.startsWith(name));
    return lines.join('\n');
  };
  const until = async (condition: () => boolean | Promise<boolean>) => {
    for (let waited = 0; !(await condition()); waited += 5) {
      if (waited > 5_000) throw new Error('the app never reached the expected state');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return {
    started,
    closed,
    metric,
    until,
    queued: async () => Number((await metric('dtsen_gateway_requests_queued')).split(' ')[1]),
    send: (name: string, options: { signal?: AbortSignal; as?: string } = {}): Promise<Answer> =>
      fetch(`http://127.0.0.1:${port}/graphql?name=${name}${options.as ? `&as=${options.as}` : ''}`, {
        method: 'POST',
        ...(options.signal && { signal: options.signal }),
      }).then(async (response) => ({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as unknown,
      })),
    release: (name: string) => {
      const answer = held.get(name);
      if (!answer) throw new Error(`${name} is not running`);
      answer();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

type LimitedApp = Awaited<ReturnType<typeof startLimitedApp>>;

describe('the gateway’s concurrency limit', () => {
  let limited: LimitedApp;
  afterEach(async () => {
    await limited.close();
  });

  it('when more requests arrive than it runs at once, then the rest wait and run in arrival order, and those beyond the queue are refused OVERLOADED with Retry-After', async () => {
    limited = await startLimitedApp({ maxConcurrent: 2, maxQueued: 2, maxWaitMs: 10_000 });
    const first = limited.send('first');
    const second = limited.send('second');
    await limited.until(() => limited.started.length === 2);
    const third = limited.send('third');
    await limited.until(async () => (await limited.queued()) === 1);
    const fourth = limited.send('fourth');
    await limited.until(async () => (await limited.queued()) === 2);

    const refused = await limited.send('fifth');
    const runningWhileFull = await limited.metric('dtsen_gateway_requests_running');
    limited.release('second');
    await limited.until(() => limited.started.length === 3);
    limited.release('first');
    await limited.until(() => limited.started.length === 4);
    limited.release('third');
    limited.release('fourth');
    const answers = await Promise.all([first, second, third, fourth]);

    expect(refused).toEqual(OVERLOADED);
    expect(limited.started).toEqual(['first', 'second', 'third', 'fourth']);
    expect(answers.map((answer) => answer.body)).toEqual(['first', 'second', 'third', 'fourth'].map((name) => ({ data: { name } })));
    expect(runningWhileFull).toBe('dtsen_gateway_requests_running 2');
    expect(await limited.metric('dtsen_gateway_requests_shed_total')).toBe(
      ['dtsen_gateway_requests_shed_total{reason="queue_full"} 1', 'dtsen_gateway_requests_shed_total{reason="waited_too_long"} 0'].join('\n'),
    );
  });

  it('when a request has waited as long as it may, then it is refused OVERLOADED at that moment, though no slot has freed', async () => {
    limited = await startLimitedApp({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 200 });
    const first = limited.send('first');
    await limited.until(() => limited.started.length === 1);

    const sent = performance.now();
    const late = await limited.send('late');
    const waitedMs = performance.now() - sent;
    const queuedAfter = await limited.queued();
    limited.release('first');

    expect(late).toEqual(OVERLOADED);
    // Answered by its own timer: 'first' still held its slot and was released only afterwards.
    expect(waitedMs).toBeGreaterThanOrEqual(190);
    expect(waitedMs).toBeLessThan(1_000);
    expect(queuedAfter).toBe(0);
    expect((await first).body).toEqual({ data: { name: 'first' } });
    expect(limited.started).toEqual(['first']);
    expect(await limited.metric('dtsen_gateway_requests_shed_total{reason="waited_too_long"}')).toBe('dtsen_gateway_requests_shed_total{reason="waited_too_long"} 1');
  });

  it("when one principal runs its share, then its further requests wait while other principals' run at once, and they run as its own finish", async () => {
    limited = await startLimitedApp({ maxConcurrent: 4, maxConcurrentPerPrincipal: 2, maxQueued: 10, maxWaitMs: 10_000 });
    const busy = ['busy1', 'busy2', 'busy3', 'busy4'].map((name) => limited.send(name, { as: 'analyst' }));
    await limited.until(async () => limited.started.length === 2 && (await limited.queued()) === 2);
    const other = limited.send('other', { as: 'frontend' });
    await limited.until(() => limited.started.length === 3);
    const startedWhileBusy = [...limited.started];

    limited.release('other');
    const otherAnswer = await other;
    limited.release('busy1');
    await limited.until(() => limited.started.length === 4);
    limited.release('busy2');
    await limited.until(() => limited.started.length === 5);
    limited.release('busy3');
    limited.release('busy4');
    const busyAnswers = await Promise.all(busy);

    expect(startedWhileBusy).toEqual(['busy1', 'busy2', 'other']);
    expect(otherAnswer.body).toEqual({ data: { name: 'other' } });
    expect(limited.started).toEqual(['busy1', 'busy2', 'other', 'busy3', 'busy4']);
    expect(busyAnswers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });

  it('when a client leaves while its request waits, then the request is never run and the next one takes its turn', async () => {
    limited = await startLimitedApp({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 10_000 });
    const first = limited.send('first');
    await limited.until(() => limited.started.length === 1);
    const leaving = new AbortController();
    const left = limited.send('left', { signal: leaving.signal }).catch((error: { name?: string }) => error.name);
    await limited.until(async () => (await limited.queued()) === 1);
    const next = limited.send('next');
    await limited.until(async () => (await limited.queued()) === 2);

    leaving.abort();
    expect(await left).toBe('AbortError');
    await limited.until(() => limited.closed.includes('left'));
    limited.release('first');
    await limited.until(() => limited.started.length === 2);
    limited.release('next');

    expect((await next).body).toEqual({ data: { name: 'next' } });
    expect(limited.started).toEqual(['first', 'next']);
    await first;
  });
});
