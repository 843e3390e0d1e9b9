import { loadGatewayConfig } from '../../gateway/config';
import { SECRETS_ENV } from '../support/env';

const settings = (env: NodeJS.ProcessEnv) => {
  const { subgraphTimeoutMs, resilience } = loadGatewayConfig({ ...SECRETS_ENV, ...env });
  return { subgraphTimeoutMs, resilience };
};

describe('the fault settings of the gateway', () => {
  it('when nothing is set, then a 5 s subgraph timeout, a 10 s request deadline, 2 retries from 100 ms, and a breaker opening after 5 failures for 10 s', () => {
    expect(settings({})).toEqual({
      subgraphTimeoutMs: 5000,
      resilience: { requestDeadlineMs: 10_000, retries: 2, retryBaseDelayMs: 100, breakerThreshold: 5, breakerHalfOpenMs: 10_000 },
    });
  });

  it('when every variable is set, then each is read, and the object is frozen', () => {
    const config = settings({
      SUBGRAPH_TIMEOUT_MS: '2000',
      REQUEST_DEADLINE_MS: '6000',
      SUBGRAPH_RETRIES: '0',
      SUBGRAPH_RETRY_BASE_MS: '50',
      BREAKER_THRESHOLD: '3',
      BREAKER_HALF_OPEN_MS: '30000',
    });

    expect(config).toEqual({
      subgraphTimeoutMs: 2000,
      resilience: { requestDeadlineMs: 6000, retries: 0, retryBaseDelayMs: 50, breakerThreshold: 3, breakerHalfOpenMs: 30_000 },
    });
    expect(Object.isFrozen(config.resilience)).toBe(true);
  });

  it.each([
    [{ REQUEST_DEADLINE_MS: '5000' }, 'REQUEST_DEADLINE_MS must be above SUBGRAPH_TIMEOUT_MS (5000 ms)'],
    [{ SUBGRAPH_TIMEOUT_MS: '8000', REQUEST_DEADLINE_MS: '7000' }, 'REQUEST_DEADLINE_MS must be above SUBGRAPH_TIMEOUT_MS (8000 ms)'],
    [{ SUBGRAPH_RETRIES: '6' }, 'SUBGRAPH_RETRIES must be a whole number from 0 to 5'],
    [{ SUBGRAPH_RETRIES: '1.5' }, 'SUBGRAPH_RETRIES must be a whole number from 0 to 5'],
    [{ SUBGRAPH_RETRY_BASE_MS: '0' }, 'SUBGRAPH_RETRY_BASE_MS must be a whole number of at least 1'],
    [{ BREAKER_THRESHOLD: '0' }, 'BREAKER_THRESHOLD must be a whole number of at least 1'],
    [{ BREAKER_HALF_OPEN_MS: '-1' }, 'BREAKER_HALF_OPEN_MS must be a whole number of at least 1'],
  ])('when %j, then the gateway refuses to start: %s', (env, message) => {
    expect(() => loadGatewayConfig({ ...SECRETS_ENV, ...env })).toThrow(message);
  });

  it('when a value is not a number, then the error names the variable', () => {
    expect(() => loadGatewayConfig({ ...SECRETS_ENV, REQUEST_DEADLINE_MS: 'soon' })).toThrow(/REQUEST_DEADLINE_MS/);
  });
});
