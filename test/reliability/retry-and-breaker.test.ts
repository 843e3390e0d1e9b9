import { SUTRISNO_KK } from '../federated/fixtures';
import type { FaultProxy } from '../support/fault-proxy';
import type { RunningSystem } from '../support/system';
import { HOUSEHOLD_QUERY, startSystemBehindProxy, timed, withDistinctErrors } from './system-with-proxy';

const SUBGRAPH_TIMEOUT_MS = 1_000;
const HALF_OPEN_MS = 1_500;
const UNAVAILABLE = { message: 'The P3KE register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'P3KE' } };

describe('when one call to the P3KE subgraph fails transiently', () => {
  let system: RunningSystem;
  let proxy: FaultProxy;
  let clean: Awaited<ReturnType<RunningSystem['query']>>;
  let requestsPerQuery: number;
  beforeAll(async () => {
    ({ system, proxy } = await startSystemBehindProxy('p3ke', { resilience: { retries: 2 } }));
    const before = proxy.requests();
    clean = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });
    requestsPerQuery = proxy.requests() - before;
  });
  afterAll(async () => {
    await system.stop();
    await proxy.close();
  });

  it.each(['cut', 'error503'] as const)('(%s), then a retry recovers it and the answer is whole', async (fault) => {
    const before = proxy.requests();
    proxy.failNext(1, fault);

    const response = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });

    expect(response).toEqual(clean);
    expect(clean.body.errors).toBeUndefined();
    expect(proxy.requests() - before).toBe(requestsPerQuery + 1);
  });

  it('(HTTP 500), then it is neither retried nor asked again in that request: the register is reported unavailable', async () => {
    const before = proxy.requests();
    proxy.failNext(1, 'error500');

    const response = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });

    expect(withDistinctErrors(response).body.errors).toEqual([UNAVAILABLE]);
    expect(proxy.requests() - before).toBe(1);
  });
});

describe('when the P3KE subgraph stays slow', () => {
  let system: RunningSystem;
  let proxy: FaultProxy;
  beforeAll(async () => {
    ({ system, proxy } = await startSystemBehindProxy('p3ke', {
      subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
      slowMs: 3_000,
      resilience: { retries: 0, breakerThreshold: 2, breakerHalfOpenMs: HALF_OPEN_MS },
    }));
  });
  afterAll(async () => {
    await system.stop();
    await proxy.close();
  });

  it('then its breaker opens after repeated failures, answers fail fast while open, and it closes once P3KE recovers', async () => {
    await proxy.set('slow');
    const first = await timed(() => system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK }));
    const second = await timed(() => system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK }));
    const requestsWhenOpen = proxy.requests();

    const open = await timed(() => system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK }));
    const requestsWhileOpen = proxy.requests() - requestsWhenOpen;

    await proxy.set('pass');
    const stillOpen = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 100));
    const probe = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });
    const closed = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });

    expect(first.ms).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS);
    expect(second.ms).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS * 0.9);
    expect(withDistinctErrors(open.result).body.errors).toEqual([UNAVAILABLE]);
    // Fail fast: well under one timeout (a call that waited would take at least 1,000 ms). The whole
    // federated answer still takes a few hundred on a busy CI machine; that P3KE was not asked is requestsWhileOpen.
    expect(open.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS / 2);
    expect(requestsWhileOpen).toBe(0);
    expect(withDistinctErrors(stillOpen).body.errors).toEqual([UNAVAILABLE]);
    expect(probe.body.errors).toBeUndefined();
    expect(closed.body).toEqual(probe.body);
  });
});
