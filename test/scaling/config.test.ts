import { availableParallelism } from 'node:os';
import { loadGatewayConfig } from '../../gateway/config';
import { SECRETS_ENV } from '../support/env';

const sharedState = (env: NodeJS.ProcessEnv) => loadGatewayConfig({ ...SECRETS_ENV, ...env }).sharedState;

describe('the shared-state settings of the gateway', () => {
  it('when REDIS_URL is not set, then the gateway keeps its state in process memory', () => {
    expect(sharedState({})).toBeNull();
  });

  it('when REDIS_URL is set, then the gateway shares its state there under the dtsen: prefix, or REDIS_KEY_PREFIX', () => {
    expect([
      sharedState({ REDIS_URL: 'redis://127.0.0.1:6379' }),
      sharedState({ REDIS_URL: 'rediss://:secret@redis.example.go.id:6380/2', REDIS_KEY_PREFIX: 'dtsen-staging:' }),
    ]).toEqual([
      { redisUrl: 'redis://127.0.0.1:6379', keyPrefix: 'dtsen:' },
      { redisUrl: 'rediss://:secret@redis.example.go.id:6380/2', keyPrefix: 'dtsen-staging:' },
    ]);
  });

  it('when REDIS_URL is set, then the settings are frozen', () => {
    expect(Object.isFrozen(sharedState({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe(true);
  });

  it.each([
    ['not a URL', { REDIS_URL: '127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['an empty key prefix', { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: '' }, /REDIS_KEY_PREFIX must not be empty/],
  ])('when the configuration has %s, then the gateway refuses to start, naming the variable', (_case, env, message) => {
    expect(() => loadGatewayConfig({ ...SECRETS_ENV, ...env })).toThrow(message);
  });

  it('when REDIS_URL is refused, then the error does not repeat it, as it may hold a password', () => {
    expect(() => loadGatewayConfig({ ...SECRETS_ENV, REDIS_URL: 'http://:hunter2-password@redis' })).toThrow(
      new Error('REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379'),
    );
  });
});

describe('the read replicas of the resolution index', () => {
  const replicas = (env: NodeJS.ProcessEnv) => loadGatewayConfig({ ...SECRETS_ENV, ...env }).indexReplicaUrls;

  it('when INDEX_DATABASE_REPLICA_URLS lists replicas of a MySQL index, then the gateway reads the index through them, each on the dtsen_index database', () => {
    expect([
      replicas({ MYSQL_URL: 'mysql://root@127.0.0.1:3306' }),
      replicas({ MYSQL_URL: 'mysql://root@127.0.0.1:3306', INDEX_DATABASE_REPLICA_URLS: 'mysql://reader@replica-1:3306,mysql://reader@replica-2:3306' }),
    ]).toEqual([[], ['mysql://reader@replica-1:3306/dtsen_index', 'mysql://reader@replica-2:3306/dtsen_index']]);
  });

  it('when replicas are set for an index on SQLite, then the gateway refuses to start, naming the variable', () => {
    expect(() => replicas({ INDEX_DATABASE_REPLICA_URLS: 'mysql://reader@replica-1:3306' })).toThrow(/INDEX_DATABASE_REPLICA_URLS: read replicas need the index store on MySQL/);
  });
});

describe('the worker processes of the gateway', () => {
  const workers = (env: NodeJS.ProcessEnv) => loadGatewayConfig({ ...SECRETS_ENV, ...env }).workers;

  it('when GATEWAY_WORKERS is unset, a number or auto, then the gateway runs that many workers (auto: one per CPU)', () => {
    expect([workers({}), workers({ GATEWAY_WORKERS: '3' }), workers({ GATEWAY_WORKERS: 'auto' })]).toEqual([1, 3, availableParallelism()]);
  });

  it.each(['0', '1.5', 'all'])('when GATEWAY_WORKERS is %s, then the gateway refuses to start, naming the variable', (value) => {
    expect(() => workers({ GATEWAY_WORKERS: value })).toThrow(new Error('GATEWAY_WORKERS must be a whole number of at least 1, or auto'));
  });
});

describe('the concurrency limit of each gateway process', () => {
  const concurrency = (env: NodeJS.ProcessEnv) => loadGatewayConfig({ ...SECRETS_ENV, ...env }).concurrency;

  it('when the limits are unset or set, then the gateway runs that many requests at once, half of them (or the set share) for one principal, and queues that many, each waiting at most the request deadline', () => {
    expect([
      concurrency({}),
      concurrency({ MAX_CONCURRENT_REQUESTS: '32', MAX_QUEUED_REQUESTS: '0', REQUEST_DEADLINE_MS: '20000' }),
      concurrency({ MAX_CONCURRENT_REQUESTS: '5' }),
      concurrency({ MAX_CONCURRENT_PER_PRINCIPAL: '8' }),
    ]).toEqual([
      { maxConcurrent: 8, maxConcurrentPerPrincipal: 4, maxQueued: 1000, maxWaitMs: 10_000 },
      { maxConcurrent: 32, maxConcurrentPerPrincipal: 16, maxQueued: 0, maxWaitMs: 20_000 },
      { maxConcurrent: 5, maxConcurrentPerPrincipal: 3, maxQueued: 1000, maxWaitMs: 10_000 },
      { maxConcurrent: 8, maxConcurrentPerPrincipal: 8, maxQueued: 1000, maxWaitMs: 10_000 },
    ]);
  });

  it('when REQUEST_BODY_TIMEOUT_MS is unset or set, then a client has 5 s or that long to send its body', () => {
    const bodyTimeout = (env: NodeJS.ProcessEnv) => loadGatewayConfig({ ...SECRETS_ENV, ...env }).bodyTimeoutMs;

    expect([bodyTimeout({}), bodyTimeout({ REQUEST_BODY_TIMEOUT_MS: '2000' })]).toEqual([5_000, 2_000]);
    expect(() => bodyTimeout({ REQUEST_BODY_TIMEOUT_MS: '0' })).toThrow(new Error('REQUEST_BODY_TIMEOUT_MS must be a whole number of at least 1'));
  });

  it.each([
    ['MAX_CONCURRENT_REQUESTS', '0', 'MAX_CONCURRENT_REQUESTS must be a whole number of at least 1'],
    ['MAX_CONCURRENT_REQUESTS', '2.5', 'MAX_CONCURRENT_REQUESTS must be a whole number of at least 1'],
    ['MAX_QUEUED_REQUESTS', '-1', 'MAX_QUEUED_REQUESTS must be a whole number of at least 0'],
    ['MAX_CONCURRENT_PER_PRINCIPAL', '0', 'MAX_CONCURRENT_PER_PRINCIPAL must be a whole number of at least 1'],
  ])('when %s is %s, then the gateway refuses to start, naming the variable', (name, value, message) => {
    expect(() => concurrency({ [name]: value })).toThrow(new Error(message));
  });
});
