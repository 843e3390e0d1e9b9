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
 * so which requests run, wait or are refused is decided by the test alone, not by timing.
 */
async function startLimitedApp(settings: ConcurrencyLimitSettings) {
  const registry = new Registry();
  const started: string[] = [];
  const held = new Map<string, () => void>();
  const closed: string[] = [];
  const app = express();
  app.use((req, res, next) => {
    res.once('close', () => closed.push(String(req.query['name'])));
    next();
  });
  app.post('/graphql', concurrencyLimit(settings, registry), (req, res) => {
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
    send: (name: string, signal?: AbortSignal): Promise<Answer> =>
      fetch(`http://127.0.0.1:${port}/graphql?name=${name}`, { method: 'POST', ...(signal && { signal }) }).then(async (response) => ({
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

  it('when a request waited longer than it may, then it is refused OVERLOADED instead of run', async () => {
    limited = await startLimitedApp({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 50 });
    const first = limited.send('first');
    await limited.until(() => limited.started.length === 1);
    const late = limited.send('late');
    await limited.until(async () => (await limited.queued()) === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));

    limited.release('first');
    const answers = await Promise.all([first, late]);

    expect(answers).toEqual([{ status: 200, retryAfter: null, body: { data: { name: 'first' } } }, OVERLOADED]);
    expect(limited.started).toEqual(['first']);
    expect(await limited.metric('dtsen_gateway_requests_shed_total{reason="waited_too_long"}')).toBe('dtsen_gateway_requests_shed_total{reason="waited_too_long"} 1');
  });

  it('when a client leaves while its request waits, then the request is never run and the next one takes its turn', async () => {
    limited = await startLimitedApp({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 10_000 });
    const first = limited.send('first');
    await limited.until(() => limited.started.length === 1);
    const leaving = new AbortController();
    const left = limited.send('left', leaving.signal).catch((error: { name?: string }) => error.name);
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
