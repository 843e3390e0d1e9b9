import { loadWebhookConfig } from '../../gateway/webhooks/config';
import { checkReceiverUrl, isPrivateAddress, publicOnlyLookup } from '../../gateway/webhooks/receiver-url';
import { deriveWebhookKey } from '../../gateway/webhooks/subscriber-secret';

const SECRET = 'a-principal-signing-secret-of-32-characters';

describe('webhook settings', () => {
  it('when nothing is set but the principal secret, then the gateway delivers with the documented defaults and a key derived from that secret', () => {
    expect(loadWebhookConfig({ PRINCIPAL_SIGNING_SECRET: SECRET })).toEqual({
      enabled: true,
      pollIntervalMs: 30_000,
      maxAttempts: 8,
      backoffInitialMs: 1_000,
      backoffMaxMs: 300_000,
      timeoutMs: 10_000,
      pageSize: 500,
      allowPrivateUrls: false,
      secretKey: deriveWebhookKey(SECRET),
    });
    expect(Object.isFrozen(loadWebhookConfig({ PRINCIPAL_SIGNING_SECRET: SECRET }))).toBe(true);
  });

  it.each([
    [{ WEBHOOK_PAGE_SIZE: '0' }, 'WEBHOOK_PAGE_SIZE must be a whole number from 1 to 5000'],
    [{ WEBHOOK_PAGE_SIZE: '5001' }, 'WEBHOOK_PAGE_SIZE must be a whole number from 1 to 5000'],
    [{ WEBHOOK_MAX_ATTEMPTS: '2.5' }, 'WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 100'],
    [{ WEBHOOK_POLL_INTERVAL_MS: 'often' }, 'WEBHOOK_POLL_INTERVAL_MS'],
    [{ WEBHOOK_BACKOFF_INITIAL_MS: '5000', WEBHOOK_BACKOFF_MAX_MS: '1000' }, 'WEBHOOK_BACKOFF_MAX_MS must be at least WEBHOOK_BACKOFF_INITIAL_MS'],
    [{ WEBHOOKS: 'yes' }, 'WEBHOOKS'],
    [{ WEBHOOK_SECRET_KEY: 'short' }, 'WEBHOOK_SECRET_KEY must be at least 32 characters'],
  ])('when %j, then the configuration is refused naming the variable', (env, message) => {
    expect(() => loadWebhookConfig({ PRINCIPAL_SIGNING_SECRET: SECRET, ...env })).toThrow(message);
  });

  it('when no key can be found, then the configuration is refused saying which variables give one', () => {
    expect(() => loadWebhookConfig({ DATA_DIR: '/nonexistent-dtsen-data' })).toThrow('No webhook key: set WEBHOOK_SECRET_KEY or PRINCIPAL_SIGNING_SECRET');
  });
});

describe('webhook receiver URLs', () => {
  it.each([
    ['ftp://partner.example.go.id/hook', 'a receiver URL must be http(s)'],
    ['http://partner.example.go.id/hook', 'a receiver URL must be https'],
    ['https://user:pass@partner.example.go.id/hook', 'must not hold credentials'],
    ['https://127.0.0.1/hook', '127.0.0.1 is a loopback, private or link-local address'],
    ['https://10.1.2.3/hook', '10.1.2.3 is a loopback'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a loopback'],
    ['https://[::1]/hook', '::1 is a loopback'],
    ['https://[::ffff:192.168.1.1]/hook', 'is a loopback'],
    ['https://localhost/hook', 'localhost is a loopback'],
    ['https://redis.dtsen.svc.cluster.local/hook', 'is a loopback'],
    ['not a url', 'is not a URL'],
  ])('when an organisation subscribes %s, then it is refused', (url, message) => {
    expect(() => checkReceiverUrl(url, false)).toThrow(message);
  });

  it('when the URL is https on a public name or address, then it is accepted; http and private ones only with WEBHOOK_ALLOW_PRIVATE_URLS', () => {
    expect(checkReceiverUrl('https://partner.example.go.id/hooks/dtsen?v=1', false)).toBe('https://partner.example.go.id/hooks/dtsen?v=1');
    expect(checkReceiverUrl('https://203.0.113.7:8443/hook', false)).toBe('https://203.0.113.7:8443/hook');
    expect(checkReceiverUrl('http://127.0.0.1:9000/hook', true)).toBe('http://127.0.0.1:9000/hook');
    expect(() => checkReceiverUrl('gopher://127.0.0.1/', true)).toThrow('http(s)');
    expect([isPrivateAddress('8.8.8.8'), isPrivateAddress('2001:4860:4860::8888'), isPrivateAddress('fd00::1'), isPrivateAddress('100.64.0.1')]).toEqual([false, false, true, true]);
  });

  it('when a receiver\'s name resolves to a private address at connection time (DNS rebinding), then the connection is refused', async () => {
    const looked = await new Promise<unknown>((resolve) => publicOnlyLookup('localhost', {}, (error) => resolve(error)));
    expect(looked).toMatchObject({ code: 'EWEBHOOKPRIVATE', message: 'localhost resolves to a private address' });
  });
});
