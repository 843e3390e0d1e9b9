import { loadDtksConfig } from '../../subgraphs/dtks/config';
import { loadP3keConfig } from '../../subgraphs/p3ke/config';
import { loadRegsosekConfig } from '../../subgraphs/regsosek/config';

const loaders = [
  ['dtks', 'DTKS', 4001, loadDtksConfig],
  ['regsosek', 'REGSOSEK', 4002, loadRegsosekConfig],
  ['p3ke', 'P3KE', 4003, loadP3keConfig],
] as const;

describe.each(loaders)('%s subgraph configuration', (register, prefix, defaultPort, load) => {
  it('when nothing is set, then it listens on its own port over a SQLite file in data/', () => {
    expect(load({})).toEqual({ port: defaultPort, storeUrl: `sqlite:data/${register}.sqlite` });
  });

  it('when the port and data folder are set, then they are used', () => {
    expect(load({ [`${prefix}_PORT`]: '5100', DATA_DIR: '/var/lib/dtsen' })).toEqual({
      port: 5100,
      storeUrl: `sqlite:/var/lib/dtsen/${register}.sqlite`,
    });
  });

  it('when MYSQL_URL names a server, then the store is the register database on it', () => {
    expect(load({ MYSQL_URL: 'mysql://dtsen:secret@db.local:3306' })).toEqual({
      port: defaultPort,
      storeUrl: `mysql://dtsen:secret@db.local:3306/dtsen_${register}`,
    });
  });

  it('when the register has its own database URL, then it wins over MYSQL_URL', () => {
    expect(load({ MYSQL_URL: 'mysql://root@db.local:3306', [`${prefix}_DATABASE_URL`]: 'sqlite:/tmp/own.sqlite' })).toEqual({
      port: defaultPort,
      storeUrl: 'sqlite:/tmp/own.sqlite',
    });
  });

  it('when variables are malformed, then loading fails naming each of them', () => {
    expect(() =>
      load({ [`${prefix}_PORT`]: 'abc', MYSQL_URL: 'postgres://db.local', [`${prefix}_DATABASE_URL`]: 'db.local/dtks' }),
    ).toThrow(
      new Error(
        `Invalid configuration: MYSQL_URL: must be a mysql://user:pass@host:port URL; ` +
          `${prefix}_DATABASE_URL: must be a mysql://user:pass@host:port/db or sqlite:<path> URL; ` +
          `${prefix}_PORT: Invalid port input: "abc"`,
      ),
    );
  });

  it('when loaded, then the configuration cannot be changed', () => {
    expect(Object.isFrozen(load({}))).toBe(true);
  });
});
