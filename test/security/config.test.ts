import { API_LIMITS, loadGatewayConfig } from '../../gateway/config';
import { SECRETS_ENV } from '../support/env';

const surface = (env: NodeJS.ProcessEnv) => {
  const { introspection, corsOrigins, limits } = loadGatewayConfig({ ...SECRETS_ENV, ...env });
  return { introspection, corsOrigins, limits };
};

describe('the API surface settings of the gateway', () => {
  it('when nothing is set, then introspection is on, no origin is allowed and the committed limits apply', () => {
    expect(surface({})).toEqual({
      introspection: true,
      corsOrigins: [],
      limits: { maxDepth: 10, maxAliases: 100, maxDirectives: 20, maxTokens: 5000, maxCost: 25000 },
    });
    expect(API_LIMITS).toEqual(surface({}).limits);
  });

  it('when NODE_ENV is production, then introspection is off unless INTROSPECTION=on', () => {
    expect([
      surface({ NODE_ENV: 'production' }).introspection,
      surface({ NODE_ENV: 'production', INTROSPECTION: 'on' }).introspection,
      surface({ INTROSPECTION: 'off' }).introspection,
    ]).toEqual([false, true, false]);
  });

  it('when CORS_ORIGINS lists origins, then they are the allow-list, spaces and empty entries dropped', () => {
    expect(surface({ CORS_ORIGINS: 'https://app.example.go.id, http://localhost:5173,' }).corsOrigins).toEqual([
      'https://app.example.go.id',
      'http://localhost:5173',
    ]);
  });

  it.each([['INTROSPECTION', 'yes'], ['CORS_ORIGINS', 'app.example.go.id'], ['CORS_ORIGINS', 'https://app.example.go.id/path']])(
    'when %s is %s, then the error names it',
    (variable, value) => {
      expect(() => loadGatewayConfig({ ...SECRETS_ENV, [variable]: value })).toThrow(new RegExp(variable));
    },
  );
});

describe('the identity settings of the gateway', () => {
  const identity = (env: NodeJS.ProcessEnv) => {
    const { tokenSource, signingSecret, rateLimitPerMinute } = loadGatewayConfig(env);
    return { tokenSource, signingSecret, rateLimitPerMinute };
  };

  it('when a local token secret and a signing secret are set, then tokens are HS256 from dtsen-local for dtsen-gateway, 600 requests a minute', () => {
    expect(identity(SECRETS_ENV)).toEqual({
      tokenSource: { kind: 'secret', secret: SECRETS_ENV['AUTH_JWT_SECRET'], issuer: 'dtsen-local', audience: 'dtsen-gateway', maxLifetimeSeconds: 12 * 3600 },
      signingSecret: SECRETS_ENV['PRINCIPAL_SIGNING_SECRET'],
      rateLimitPerMinute: 600,
    });
  });

  it("when an identity provider's JWKS is set with its issuer, then tokens are verified against it", () => {
    const env = { PRINCIPAL_SIGNING_SECRET: SECRETS_ENV['PRINCIPAL_SIGNING_SECRET'], AUTH_JWKS_URL: 'https://sso.example.go.id/jwks', AUTH_ISSUER: 'https://sso.example.go.id' };

    expect(identity(env).tokenSource).toEqual({ kind: 'jwks', jwksUrl: 'https://sso.example.go.id/jwks', issuer: 'https://sso.example.go.id', audience: 'dtsen-gateway', maxLifetimeSeconds: 12 * 3600 });
  });

  it('when AUTH_MAX_TOKEN_LIFETIME_HOURS is set, then it is the longest token lifetime accepted', () => {
    expect([identity({ ...SECRETS_ENV, AUTH_MAX_TOKEN_LIFETIME_HOURS: '1' }), identity({ ...SECRETS_ENV, AUTH_MAX_TOKEN_LIFETIME_HOURS: '0.25' })].map(({ tokenSource }) => tokenSource.maxLifetimeSeconds)).toEqual([3600, 900]);
  });

  it.each([
    ['no token key at all', { PRINCIPAL_SIGNING_SECRET: SECRETS_ENV['PRINCIPAL_SIGNING_SECRET'] }, /exactly one of AUTH_JWT_SECRET .* and AUTH_JWKS_URL/],
    ['both token keys', { ...SECRETS_ENV, AUTH_JWKS_URL: 'https://sso.example.go.id/jwks', AUTH_ISSUER: 'x' }, /exactly one of AUTH_JWT_SECRET/],
    ['a short token secret', { ...SECRETS_ENV, AUTH_JWT_SECRET: 'secret' }, /AUTH_JWT_SECRET must be at least 32 characters/],
    ['a JWKS without its issuer', { PRINCIPAL_SIGNING_SECRET: SECRETS_ENV['PRINCIPAL_SIGNING_SECRET'], AUTH_JWKS_URL: 'https://sso.example.go.id/jwks' }, /AUTH_ISSUER is required/],
    ['a JWKS over plain http', { PRINCIPAL_SIGNING_SECRET: SECRETS_ENV['PRINCIPAL_SIGNING_SECRET'], AUTH_JWKS_URL: 'http://sso.example.go.id/jwks', AUTH_ISSUER: 'x' }, /AUTH_JWKS_URL must be an https URL/],
    ['no signing secret', { AUTH_JWT_SECRET: SECRETS_ENV['AUTH_JWT_SECRET'] }, /PRINCIPAL_SIGNING_SECRET/],
    ['a short signing secret', { ...SECRETS_ENV, PRINCIPAL_SIGNING_SECRET: 'short' }, /PRINCIPAL_SIGNING_SECRET: must be at least 32 characters/],
    ['a short key of one subgraph', { ...SECRETS_ENV, P3KE_SIGNING_SECRET: 'short' }, /P3KE_SIGNING_SECRET: must be at least 32 characters/],
    ['a rate limit of zero', { ...SECRETS_ENV, RATE_LIMIT_PER_MINUTE: '0' }, /RATE_LIMIT_PER_MINUTE must be a positive whole number/],
    ['a token lifetime of zero', { ...SECRETS_ENV, AUTH_MAX_TOKEN_LIFETIME_HOURS: '0' }, /AUTH_MAX_TOKEN_LIFETIME_HOURS: must be a positive number of hours/],
    ['a token lifetime written as a time span', { ...SECRETS_ENV, AUTH_MAX_TOKEN_LIFETIME_HOURS: '30m' }, /AUTH_MAX_TOKEN_LIFETIME_HOURS: must be a positive number of hours/],
  ])('when the configuration has %s, then the gateway refuses to start, naming the variable', (_case, env, message) => {
    expect(() => loadGatewayConfig(env)).toThrow(message);
  });
});

describe('the subgraph signing keys of the gateway', () => {
  const DTKS_KEY = 'the-dtks-own-signing-key-0123456789abcdef';

  it('when no subgraph has a key of its own, then none is listed and every key derives from PRINCIPAL_SIGNING_SECRET', () => {
    expect(loadGatewayConfig(SECRETS_ENV).subgraphKeys).toEqual({});
  });

  it('when some subgraphs have keys of their own, then exactly those are listed, by subgraph name, and cannot be changed', () => {
    const { subgraphKeys } = loadGatewayConfig({ ...SECRETS_ENV, DTKS_SIGNING_SECRET: DTKS_KEY, DTSEN_SIGNING_SECRET: `dtsen-${DTKS_KEY}` });

    expect(subgraphKeys).toEqual({ dtks: DTKS_KEY, dtsen: `dtsen-${DTKS_KEY}` });
    expect(Object.isFrozen(subgraphKeys)).toBe(true);
  });
});
