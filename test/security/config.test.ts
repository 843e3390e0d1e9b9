import { API_LIMITS, loadGatewayConfig } from '../../gateway/config';

const surface = (env: NodeJS.ProcessEnv) => {
  const { introspection, corsOrigins, limits } = loadGatewayConfig(env);
  return { introspection, corsOrigins, limits };
};

describe('the API surface settings of the gateway', () => {
  it('when nothing is set, then introspection is on, no origin is allowed and the committed limits apply', () => {
    expect(surface({})).toEqual({
      introspection: true,
      corsOrigins: [],
      limits: { maxDepth: 10, maxAliases: 100, maxDirectives: 20, maxTokens: 5000, maxCost: 20000 },
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
      expect(() => loadGatewayConfig({ [variable]: value })).toThrow(new RegExp(variable));
    },
  );
});
