import { encodePrincipal, signRequest } from '../../common/auth/signature';
import { derivedSigningKey, signingKeyVariable } from '../../common/auth/subgraph-keys';
import { REGISTERS } from '../../common/store-url';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD_WITH_BPJS } from '../federated/fixtures';
import { TEST_SIGNING_SECRET, testPrincipal, testSigningKey } from '../support/principals';
import { startSystem, type RunningSystem } from '../support/system';

const SUBGRAPHS = ['dtsen', ...REGISTERS] as const;
type Subgraph = (typeof SUBGRAPHS)[number];

/** A question each subgraph answers for the indexer: the registers their household entity, dtsen a household. */
const bodyFor = (subgraph: Subgraph) =>
  subgraph === 'dtsen'
    ? JSON.stringify({ query: `query ($noKK: String!) { household(noKK: $noKK) { noKK } }`, variables: { noKK: SUTRISNO_KK } })
    : JSON.stringify({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${subgraph} { noKK } } } }`,
        variables: { representations: [{ __typename: 'Household', noKK: SUTRISNO_KK }] },
      });

// Kemendes lists no Jakarta family (a kelurahan has no Dana Desa): its answer is the family's absence.
const answerOf = (subgraph: Subgraph) =>
  subgraph === 'dtsen'
    ? { data: { household: { noKK: SUTRISNO_KK } } }
    : { data: { _entities: [{ [subgraph]: subgraph === 'kemendes' ? null : { noKK: SUTRISNO_KK } }] } };

const REFUSED = { status: 401, body: { errors: [{ message: 'Request refused: the signature does not match', extensions: { code: 'UNAUTHENTICATED' } }] } };

/** Through the gateway: every register's part of a household, and dtsen's own fields, which it asks the registers for. */
const HOUSEHOLD = `query ($noKK: String!) {
  household(noKK: $noKK) {
    noKK
    sources
    dtks { noKK }
    regsosek { noKK }
    p3ke { noKK }
    eligibility { program eligible estimatedAnnualBenefit beneficiaries ruleSet }
    targeting { program receiving eligible status }
  }
}`;

function urlOf(system: RunningSystem, subgraph: Subgraph): string {
  return subgraph === 'dtsen' ? (system.dtsenUrl as string) : system.subgraphUrls[subgraph];
}

async function postSigned(system: RunningSystem, subgraph: Subgraph, key: string) {
  const body = bodyFor(subgraph);
  const headers = { 'content-type': 'application/json', ...signRequest(key, encodePrincipal(testPrincipal('indexer')), body) };
  const response = await fetch(urlOf(system, subgraph), { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Keys of its own for every subgraph, as a deployment sets `<NAME>_SIGNING_SECRET`. */
const OWN_KEYS: Readonly<Record<Subgraph, string>> = {
  dtsen: 'dtsen-own-signing-key-0123456789abcdef',
  dtks: 'dtks-own-signing-key-0123456789abcdef',
  regsosek: 'regsosek-own-signing-key-0123456789abcdef',
  p3ke: 'p3ke-own-signing-key-0123456789abcdef',
  kemendes: 'kemendes-own-signing-key-0123456789abc',
  bpjs: 'bpjs-own-signing-key-0123456789abcdef',
};

describe('each subgraph verifies its own signing key', () => {
  let derived: RunningSystem;
  let own: RunningSystem;
  let ownInProcess: RunningSystem;
  beforeAll(async () => {
    [derived, own, ownInProcess] = await Promise.all([
      startSystem({ store: 'sqlite', data: WORLD_WITH_BPJS, evaluationDate: EVALUATION_DATE, dtsen: 'http' }),
      startSystem({ store: 'sqlite', data: WORLD_WITH_BPJS, evaluationDate: EVALUATION_DATE, dtsen: 'http', subgraphKeys: OWN_KEYS }),
      startSystem({ store: 'sqlite', data: WORLD_WITH_BPJS, evaluationDate: EVALUATION_DATE, subgraphKeys: OWN_KEYS }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([derived.stop(), own.stop(), ownInProcess.stop()]);
  });

  it('when keys are derived from one secret, then each subgraph has a different one, none of them the secret', () => {
    const keys = SUBGRAPHS.map((subgraph) => derivedSigningKey(TEST_SIGNING_SECRET, subgraph));

    expect(new Set([...keys, TEST_SIGNING_SECRET]).size).toBe(SUBGRAPHS.length + 1);
    expect(signingKeyVariable('regsosek')).toBe('REGSOSEK_SIGNING_SECRET');
  });

  describe.each(SUBGRAPHS)('the %s subgraph, keys derived from PRINCIPAL_SIGNING_SECRET', (subgraph) => {
    it.each(SUBGRAPHS.filter((other) => other !== subgraph))('when a call is signed with the %s subgraph\'s key, then it is refused with 401', async (other) => {
      expect(await postSigned(derived, subgraph, testSigningKey(other))).toEqual(REFUSED);
    });

    it('when a call is signed with PRINCIPAL_SIGNING_SECRET itself, then it is refused with 401: the secret verifies nothing', async () => {
      expect(await postSigned(derived, subgraph, TEST_SIGNING_SECRET)).toEqual(REFUSED);
    });

    it('when a call is signed with its own derived key, then it is answered', async () => {
      expect(await postSigned(derived, subgraph, testSigningKey(subgraph))).toEqual({ status: 200, body: answerOf(subgraph) });
    });
  });

  describe.each(SUBGRAPHS)('the %s subgraph, given a key of its own', (subgraph) => {
    it('when a call is signed with the key derived for it, then it is refused with 401: its own key replaces the derived one', async () => {
      expect(await postSigned(own, subgraph, testSigningKey(subgraph))).toEqual(REFUSED);
    });

    it.each(SUBGRAPHS.filter((other) => other !== subgraph))('when a call is signed with the %s subgraph\'s own key, then it is refused with 401', async (other) => {
      expect(await postSigned(own, subgraph, OWN_KEYS[other])).toEqual(REFUSED);
    });

    it('when a call is signed with its own key, then it is answered', async () => {
      expect(await postSigned(own, subgraph, OWN_KEYS[subgraph])).toEqual({ status: 200, body: answerOf(subgraph) });
    });
  });

  it('when keys are derived, then the gateway answers a household from every register and dtsen over HTTP without errors', async () => {
    const response = await derived.query(HOUSEHOLD, { noKK: SUTRISNO_KK });

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.['household']).toEqual(
      expect.objectContaining({ noKK: SUTRISNO_KK, dtks: { noKK: SUTRISNO_KK }, regsosek: { noKK: SUTRISNO_KK }, p3ke: { noKK: SUTRISNO_KK }, eligibility: expect.any(Array) }),
    );
  });

  it.each([
    ['over HTTP', () => own],
    ['in process', () => ownInProcess],
  ])('when every subgraph has a key of its own and dtsen runs %s, then the gateway answers as with derived keys', async (_case, system) => {
    const expected = await derived.query(HOUSEHOLD, { noKK: SUTRISNO_KK });

    const response = await system().query(HOUSEHOLD, { noKK: SUTRISNO_KK });

    expect(expected.body.errors).toBeUndefined();
    expect(response).toEqual(expected);
  });
});
