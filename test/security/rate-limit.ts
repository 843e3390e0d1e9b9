import type { RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const QUERY = '{ ruleSet { version } }';

/**
 * The rate limit per principal, on a system over the fixture world whose gateway allows 3 requests
 * a minute (RATE_LIMIT_PER_MINUTE=3) and keeps its counts in memory; run by
 * test/scaling/shared-state.test.ts on its gateways without Redis.
 */
export function rateLimitCases(system: () => RunningSystem): void {
  it("when one principal sends more requests in a minute than allowed, then the extra ones get 429 RATE_LIMITED with Retry-After, others are still served, and the resolution run's service role is not limited", async () => {
    const busy = await testToken('frontend', { subject: 'busy-client' });
    const other = await testToken('frontend', { subject: 'other-client' });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await system().query(QUERY, {}, busy)).status);
    const limited = await fetch(system().gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${busy}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const limitedBody = (await limited.json()) as { errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[] };
    const retryAfter = Number(limited.headers.get('retry-after'));

    expect({
      statuses,
      limited: limited.status,
      body: limitedBody,
      retryAfterHeader: retryAfter > 0 && retryAfter <= 60,
      other: (await system().query(QUERY, {}, other)).status,
      indexer: await Promise.all(Array.from({ length: 5 }, async () => (await system().query(QUERY, {}, system().indexerToken)).status)),
    }).toEqual({
      statuses: [200, 200, 200],
      limited: 429,
      body: { errors: [{ message: 'Too many requests: at most 3 per minute', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] },
      retryAfterHeader: true,
      other: 200,
      indexer: [200, 200, 200, 200, 200],
    });
  });

  it("when one principal's queries and CSV exports together pass the limit, then its next export gets 429 RATE_LIMITED like a query", async () => {
    const analyst = await testToken('analyst', { subject: 'exporting-client' });
    const download = async () => {
      const response = await fetch(`${new URL(system().gatewayUrl).origin}/export/households.csv`, { headers: { authorization: `Bearer ${analyst}` } });
      return { status: response.status, retryAfter: response.headers.get('retry-after') !== null, body: await response.text() };
    };

    const queries = [(await system().query(QUERY, {}, analyst)).status, (await system().query(QUERY, {}, analyst)).status];
    const allowed = await download();
    const limited = await download();

    expect({ queries, allowed: allowed.status, limited: { ...limited, body: JSON.parse(limited.body) as unknown } }).toEqual({
      queries: [200, 200],
      allowed: 200,
      limited: {
        status: 429,
        retryAfter: true,
        body: { errors: [{ message: 'Too many requests: at most 3 per minute', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) as number } }] },
      },
    });
  });
}
