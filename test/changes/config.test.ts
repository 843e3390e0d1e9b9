import { loadStoredSubgraphConfig } from '../../common/subgraph/stored-subgraph-config';
import { CHANGES } from '../../subgraphs/changes/subgraph';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry';

const SECRET = 'a-signing-secret-of-32-characters';
const REGISTER_KEYS = {
  DTKS_SIGNING_SECRET: 'the-dtks-key-of-at-least-32-characters',
  REGSOSEK_SIGNING_SECRET: 'the-regsosek-key-of-at-least-32-characters',
  P3KE_SIGNING_SECRET: 'the-p3ke-key-of-at-least-32-characters',
  KEMENDES_SIGNING_SECRET: 'the-kemendes-key-of-at-least-32-characters',
  BPJS_SIGNING_SECRET: 'the-bpjs-key-of-at-least-32-characters',
};
const load = (env: NodeJS.ProcessEnv) => CHANGES.loadConfig(SUBGRAPH_REGISTRY, env);

describe('the changes subgraph configuration', () => {
  it('when only the signing secret is set, then it listens on 4007 over data/changes.sqlite, closes periods on the 17th and asks the registers where they listen by default', () => {
    expect({ store: loadStoredSubgraphConfig(CHANGES, { PRINCIPAL_SIGNING_SECRET: SECRET }), own: load({ PRINCIPAL_SIGNING_SECRET: SECRET }) }).toEqual({
      store: expect.objectContaining({ port: 4007, storeUrl: 'sqlite:data/changes.sqlite' }),
      own: {
        cutoffDay: 17,
        registerUrls: {
          dtks: 'http://localhost:4001/graphql',
          regsosek: 'http://localhost:4002/graphql',
          p3ke: 'http://localhost:4003/graphql',
          kemendes: 'http://localhost:4005/graphql',
          bpjs: 'http://localhost:4006/graphql',
        },
        registerTimeoutMs: 5000,
        principalSecret: SECRET,
        registerKeys: {},
      },
    });
  });

  it('when MYSQL_URL is set, then its store is the database dtsen_changes on that server', () => {
    expect(loadStoredSubgraphConfig(CHANGES, { PRINCIPAL_SIGNING_SECRET: SECRET, MYSQL_URL: 'mysql://root@db:3306' }).storeUrl).toBe('mysql://root@db:3306/dtsen_changes');
  });

  it('when every register\'s own key is set, then it needs no shared secret and signs each register\'s calls with that register\'s key', () => {
    expect(load(REGISTER_KEYS)).toEqual(
      expect.objectContaining({
        principalSecret: null,
        registerKeys: { dtks: REGISTER_KEYS.DTKS_SIGNING_SECRET, regsosek: REGISTER_KEYS.REGSOSEK_SIGNING_SECRET, p3ke: REGISTER_KEYS.P3KE_SIGNING_SECRET, kemendes: REGISTER_KEYS.KEMENDES_SIGNING_SECRET, bpjs: REGISTER_KEYS.BPJS_SIGNING_SECRET },
      }),
    );
  });

  it.each([
    ['no shared secret and a register without its key', { ...REGISTER_KEYS, BPJS_SIGNING_SECRET: undefined }, "PRINCIPAL_SIGNING_SECRET: required: the registers' keys not set on their own (<REGISTER>_SIGNING_SECRET) derive from it"],
    ['a cut-off day that is not a number', { PRINCIPAL_SIGNING_SECRET: SECRET, CHANGE_CUTOFF_DAY: 'seventeen' }, 'CHANGE_CUTOFF_DAY: Invalid number input: "seventeen"'],
  ])('when it is given %s, then loading fails naming the variable', (_case, env, problem) => {
    expect(() => load(env)).toThrow(new Error(`Invalid configuration: ${problem}`));
  });

  it('when the cut-off day is 0 or 29, then loading fails saying every month must have it', () => {
    expect([0, 29].map((day) => () => load({ PRINCIPAL_SIGNING_SECRET: SECRET, CHANGE_CUTOFF_DAY: String(day) })).map((loading) => {
      try {
        loading();
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    })).toEqual(['CHANGE_CUTOFF_DAY must be a whole number from 1 to 28, got 0', 'CHANGE_CUTOFF_DAY must be a whole number from 1 to 28, got 29']);
  });
});
