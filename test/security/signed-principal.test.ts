import { encodePrincipal, signRequest, SIGNATURE_VALIDITY_MS } from '../../common/auth/signature';
import { REGISTERS, type Register } from '../../common/store-url';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD_WITH_BPJS } from '../federated/fixtures';
import { signedJsonHeaders, testPrincipal, testSigningKey } from '../support/principals';
import { startSystem, type RunningSystem } from '../support/system';

const entitiesQuery = (register: Register) =>
  JSON.stringify({
    query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { ${register} { noKK } } } }`,
    variables: { representations: [{ __typename: 'Household', noKK: SUTRISNO_KK }] },
  });

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

const refused = (reason: string) => ({
  status: 401,
  body: { errors: [{ message: `Request refused: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } }] },
});

// One system: each register's subgraph is reached on its own URL, and no case changes what it holds.
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem({ store: 'sqlite', data: WORLD_WITH_BPJS, evaluationDate: EVALUATION_DATE });
});
afterAll(() => system.stop());

describe.each(REGISTERS)('the %s subgraph reached directly, not through the gateway', (register) => {
  let url: string;
  const body = entitiesQuery(register);
  beforeAll(() => {
    url = system.subgraphUrls[register];
  });

  it('when a request carries no signed principal, then it is refused with 401', async () => {
    expect(await post(url, body, { 'content-type': 'application/json' })).toEqual(refused('the request is not signed by the gateway'));
  });

  it('when the signature is made with another secret (forged), then it is refused', async () => {
    const forged = signRequest('not-the-gateway-secret-0123456789abcdef', encodePrincipal(testPrincipal('indexer')), body);

    expect(await post(url, body, { 'content-type': 'application/json', ...forged })).toEqual(refused('the signature does not match'));
  });

  it('when a signed request is replayed after its validity, then it is refused', async () => {
    const captured = signedJsonHeaders(testSigningKey(register), body, testPrincipal('indexer'), Date.now() - SIGNATURE_VALIDITY_MS - 1_000);

    expect(await post(url, body, captured)).toEqual(refused('the signature has expired'));
  });

  it('when the body is changed after signing, then it is refused', async () => {
    const headers = signedJsonHeaders(testSigningKey(register), body);
    const altered = body.replace(SUTRISNO_KK, '3172012003150002');

    expect(await post(url, altered, headers)).toEqual(refused('the signature does not match'));
  });

  it('when the principal is swapped for a wider one under the same signature, then it is refused', async () => {
    const headers = signedJsonHeaders(testSigningKey(register), body, testPrincipal('frontend'));
    const widened = { ...headers, 'x-dtsen-principal': encodePrincipal(testPrincipal('caseworker', { regions: null })) };

    expect(await post(url, body, widened)).toEqual(refused('the signature does not match'));
  });

  it('when the gateway signs the request, then the subgraph answers', async () => {
    expect(await post(url, body, signedJsonHeaders(testSigningKey(register), body))).toEqual({
      status: 200,
      // Kemendes lists no Jakarta family: its signed answer is the family's absence.
      body: { data: { _entities: [{ [register]: register === 'kemendes' ? null : { noKK: SUTRISNO_KK } }] } },
    });
  });
});
