import path from 'node:path';
import { loadSeedConfig } from '../../seed/config';

const TODAY = new Date('2026-11-28T15:30:00Z');

describe('loadSeedConfig', () => {
  it('when nothing is set, then SQLite files in data/ and today at midnight UTC', () => {
    expect(loadSeedConfig({}, TODAY)).toEqual({
      stores: {
        dtks: `sqlite:${path.join('data', 'dtks.sqlite')}`,
        regsosek: `sqlite:${path.join('data', 'regsosek.sqlite')}`,
        p3ke: `sqlite:${path.join('data', 'p3ke.sqlite')}`,
        kemendes: `sqlite:${path.join('data', 'kemendes.sqlite')}`,
        bpjs: `sqlite:${path.join('data', 'bpjs.sqlite')}`,
      },
      dataDir: 'data',
      evaluationDate: new Date('2026-11-28T00:00:00Z'),
    });
  });

  it('when MYSQL_URL and one override are set, then the override wins for its store and the rest share the server', () => {
    const config = loadSeedConfig(
      { MYSQL_URL: 'mysql://root@127.0.0.1:3306', P3KE_DATABASE_URL: 'sqlite:/tmp/p3ke.sqlite', EVALUATION_DATE: '2025-07-01' },
      TODAY,
    );

    expect(config).toEqual({
      stores: {
        dtks: 'mysql://root@127.0.0.1:3306/dtsen_dtks',
        regsosek: 'mysql://root@127.0.0.1:3306/dtsen_regsosek',
        p3ke: 'sqlite:/tmp/p3ke.sqlite',
        kemendes: 'mysql://root@127.0.0.1:3306/dtsen_kemendes',
        bpjs: 'mysql://root@127.0.0.1:3306/dtsen_bpjs',
      },
      dataDir: 'data',
      evaluationDate: new Date('2025-07-01T00:00:00Z'),
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.stores)).toBe(true);
  });

  it('when a variable is bad, then the error names it', () => {
    expect(() => loadSeedConfig({ EVALUATION_DATE: '28-11-2026' }, TODAY)).toThrow('EVALUATION_DATE must be a date as YYYY-MM-DD, got "28-11-2026"');
    expect(() => loadSeedConfig({ MYSQL_URL: 'postgres://db' }, TODAY)).toThrow(/MYSQL_URL: must be a mysql:\/\//);
    expect(() => loadSeedConfig({ DTKS_DATABASE_URL: 'file.sqlite' }, TODAY)).toThrow(/DTKS_DATABASE_URL: must be a mysql:/);
  });
});
