import path from 'node:path';
import { loadResolutionConfig } from '../../resolution/config';

describe('loadResolutionConfig', () => {
  it('when nothing is set, then the index is data/index.sqlite and the gateway is on port 4000', () => {
    expect(loadResolutionConfig({})).toEqual({
      indexUrl: `sqlite:${path.join('data', 'index.sqlite')}`,
      gatewayUrl: 'http://localhost:4000/graphql',
      gatewayToken: null,
    });
  });

  it('when MYSQL_URL is set, then the index is its database dtsen_index', () => {
    expect(loadResolutionConfig({ MYSQL_URL: 'mysql://root@127.0.0.1:3306', GATEWAY_URL: 'http://gateway:4000/graphql' })).toEqual({
      indexUrl: 'mysql://root@127.0.0.1:3306/dtsen_index',
      gatewayUrl: 'http://gateway:4000/graphql',
      gatewayToken: null,
    });
  });

  it('when INDEX_DATABASE_URL is set too, then it wins, and the result is frozen', () => {
    const config = loadResolutionConfig({ MYSQL_URL: 'mysql://root@127.0.0.1:3306', INDEX_DATABASE_URL: 'sqlite:/tmp/index.sqlite' });

    expect(config).toEqual({ indexUrl: 'sqlite:/tmp/index.sqlite', gatewayUrl: 'http://localhost:4000/graphql', gatewayToken: null });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when a variable is bad, then the error names it', () => {
    expect(() => loadResolutionConfig({ INDEX_DATABASE_URL: 'postgres://db/index' })).toThrow(/INDEX_DATABASE_URL: must be a mysql:/);
    expect(() => loadResolutionConfig({ GATEWAY_URL: 'not a url' })).toThrow(/GATEWAY_URL/);
  });
});
