import { derivedSigningKey } from '../../common/auth/subgraph-keys';
import { loadStoredSubgraphConfig } from '../../common/subgraph/stored-subgraph-config';
import { storedSubgraphNamed } from '../../subgraphs/registry';

const loadConfigOf = (name: string) => (env: NodeJS.ProcessEnv) => loadStoredSubgraphConfig(storedSubgraphNamed(name), env);

const loaders = [
  ['dtks', 'DTKS', 4001, loadConfigOf('dtks')],
  ['regsosek', 'REGSOSEK', 4002, loadConfigOf('regsosek')],
  ['p3ke', 'P3KE', 4003, loadConfigOf('p3ke')],
] as const;

const SECRET = 'a-signing-secret-of-32-characters';
const OWN_KEY = 'a-subgraph-own-key-of-32-characters';

describe.each(loaders)('%s subgraph configuration', (register, prefix, defaultPort, load) => {
  it('when only the signing secret is set, then it listens on its own port over a SQLite file in data/', () => {
    expect(load({ PRINCIPAL_SIGNING_SECRET: SECRET })).toEqual({
      port: defaultPort,
      storeUrl: `sqlite:data/${register}.sqlite`,
      storeReplicaUrls: [],
      signingSecret: SECRET,
      signingKey: derivedSigningKey(SECRET, register),
    });
  });

  it.each([
    ['missing', {}, `PRINCIPAL_SIGNING_SECRET: required: the key the gateway signs principals with (or set ${prefix}_SIGNING_SECRET)`],
    ['31 characters', { PRINCIPAL_SIGNING_SECRET: 'x'.repeat(31) }, 'PRINCIPAL_SIGNING_SECRET: must be at least 32 characters'],
    ['its own key of 31 characters', { PRINCIPAL_SIGNING_SECRET: SECRET, [`${prefix}_SIGNING_SECRET`]: 'x'.repeat(31) }, `${prefix}_SIGNING_SECRET: must be at least 32 characters`],
  ])('when the signing secret is %s, then loading fails naming it', (_case, env, problem) => {
    expect(() => load(env)).toThrow(new Error(`Invalid configuration: ${problem}`));
  });

  it('when its own key is set beside the shared secret, then the gateway\'s calls are verified with its own key and cursors stay on the shared secret', () => {
    expect(load({ PRINCIPAL_SIGNING_SECRET: SECRET, [`${prefix}_SIGNING_SECRET`]: OWN_KEY })).toEqual({
      port: defaultPort,
      storeUrl: `sqlite:data/${register}.sqlite`,
      storeReplicaUrls: [],
      signingSecret: SECRET,
      signingKey: OWN_KEY,
    });
  });

  it('when it holds only its own key (a partner\'s subgraph), then that key verifies the gateway\'s calls and seals its cursors', () => {
    expect(load({ [`${prefix}_SIGNING_SECRET`]: OWN_KEY })).toEqual({
      port: defaultPort,
      storeUrl: `sqlite:data/${register}.sqlite`,
      storeReplicaUrls: [],
      signingSecret: OWN_KEY,
      signingKey: OWN_KEY,
    });
  });

  it('when the port and data folder are set, then they are used', () => {
    expect(load({ [`${prefix}_PORT`]: '5100', DATA_DIR: '/var/lib/dtsen', PRINCIPAL_SIGNING_SECRET: SECRET })).toEqual({
      port: 5100,
      storeUrl: `sqlite:/var/lib/dtsen/${register}.sqlite`,
      storeReplicaUrls: [],
      signingSecret: SECRET,
      signingKey: derivedSigningKey(SECRET, register),
    });
  });

  it('when MYSQL_URL names a server, then the store is the register database on it', () => {
    expect(load({ MYSQL_URL: 'mysql://dtsen:secret@db.local:3306', PRINCIPAL_SIGNING_SECRET: SECRET })).toEqual({
      port: defaultPort,
      storeUrl: `mysql://dtsen:secret@db.local:3306/dtsen_${register}`,
      storeReplicaUrls: [],
      signingSecret: SECRET,
      signingKey: derivedSigningKey(SECRET, register),
    });
  });

  it('when the register has its own database URL, then it wins over MYSQL_URL', () => {
    const env = { MYSQL_URL: 'mysql://root@db.local:3306', [`${prefix}_DATABASE_URL`]: 'sqlite:/tmp/own.sqlite', PRINCIPAL_SIGNING_SECRET: SECRET };

    expect(load(env)).toEqual({ port: defaultPort, storeUrl: 'sqlite:/tmp/own.sqlite', storeReplicaUrls: [], signingSecret: SECRET, signingKey: derivedSigningKey(SECRET, register) });
  });

  it('when read replicas are listed, then each reads the store database, a URL without one completed with it', () => {
    const env = {
      MYSQL_URL: 'mysql://dtsen:secret@primary.local:3306',
      [`${prefix}_DATABASE_REPLICA_URLS`]: 'mysql://reader:r@replica-1.local:3306, mysql://reader:r@replica-2.local:3306/other_db',
      PRINCIPAL_SIGNING_SECRET: SECRET,
    };

    expect(load(env)).toEqual({
      port: defaultPort,
      storeUrl: `mysql://dtsen:secret@primary.local:3306/dtsen_${register}`,
      storeReplicaUrls: [`mysql://reader:r@replica-1.local:3306/dtsen_${register}`, 'mysql://reader:r@replica-2.local:3306/other_db'],
      signingSecret: SECRET,
      signingKey: derivedSigningKey(SECRET, register),
    });
  });

  it('when read replicas are listed for a SQLite store, then loading fails naming the variable', () => {
    const env = { [`${prefix}_DATABASE_REPLICA_URLS`]: 'mysql://reader@replica.local:3306', PRINCIPAL_SIGNING_SECRET: SECRET };

    expect(() => load(env)).toThrow(
      new Error(`${prefix}_DATABASE_REPLICA_URLS: read replicas need the ${register} store on MySQL, not sqlite:`),
    );
  });

  it('when a read replica URL is not a mysql URL, then loading fails naming the variable without the password', () => {
    const env = {
      MYSQL_URL: 'mysql://root@primary.local:3306',
      [`${prefix}_DATABASE_REPLICA_URLS`]: 'mysql://reader@replica-1.local,postgres://reader:hunter2@replica-2.local',
      PRINCIPAL_SIGNING_SECRET: SECRET,
    };

    expect(() => load(env)).toThrow(
      new Error(
        `Invalid configuration: ${prefix}_DATABASE_REPLICA_URLS: "postgres://reader:***@replica-2.local" is not a mysql://user:pass@host:port[/db] URL`,
      ),
    );
  });

  it('when variables are malformed, then loading fails naming each of them', () => {
    expect(() =>
      load({ [`${prefix}_PORT`]: 'abc', MYSQL_URL: 'postgres://db.local', [`${prefix}_DATABASE_URL`]: 'db.local/dtks', PRINCIPAL_SIGNING_SECRET: 'short' }),
    ).toThrow(
      new Error(
        `Invalid configuration: MYSQL_URL: must be a mysql://user:pass@host:port URL; ` +
          `${prefix}_DATABASE_URL: must be a mysql://user:pass@host:port/db or sqlite:<path> URL; ` +
          `${prefix}_PORT: Invalid port input: "abc"; ` +
          'PRINCIPAL_SIGNING_SECRET: must be at least 32 characters',
      ),
    );
  });

  it('when loaded, then the configuration cannot be changed', () => {
    expect(Object.isFrozen(load({ PRINCIPAL_SIGNING_SECRET: SECRET }))).toBe(true);
  });
});
