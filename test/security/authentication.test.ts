import { SignJWT } from 'jose';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken, TEST_JWT_SECRET } from '../support/tokens';

const HOUSEHOLD = `{ household(noKK: "${SUTRISNO_KK}") { noKK sources } }`;

const unauthenticated = (message: string) => ({
  status: 401,
  body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
});

const claims = { org: 'Dinas Sosial DKI', roles: ['analyst'], purpose: 'planning' };

/** A hand-made HS256 token, for the malformed ones `npm run token` never makes. */
function token(secret: string, build: (jwt: SignJWT) => SignJWT, tokenClaims: Record<string, unknown> = claims): Promise<string> {
  const jwt = new SignJWT(tokenClaims).setProtectedHeader({ alg: 'HS256' }).setSubject('someone').setIssuer('dtsen-local').setAudience('dtsen-gateway');
  return build(jwt).sign(new TextEncoder().encode(secret));
}

describe('authentication at the gateway', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE });
  });
  afterAll(() => system.stop());

  it('when a request has no token, then it is refused with UNAUTHENTICATED and HTTP 401', async () => {
    expect(await system.query(HOUSEHOLD, {}, null)).toEqual(unauthenticated('Send a token: Authorization: Bearer <token>'));
  });

  it('when the Authorization header is not a bearer token, then it is refused', async () => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: HOUSEHOLD }),
    });

    expect({ status: response.status, body: await response.json() }).toEqual(
      unauthenticated('The Authorization header must be "Bearer <token>"'),
    );
  });

  it('when the token is signed with another secret, then it is refused', async () => {
    const forged = await token('another-secret-0123456789abcdefghijkl', (jwt) => jwt.setExpirationTime('1h'));

    expect(await system.query(HOUSEHOLD, {}, forged)).toEqual(unauthenticated('Invalid token: the token signature does not match'));
  });

  it('when the token has expired, then it is refused', async () => {
    const expired = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60));

    expect(await system.query(HOUSEHOLD, {}, expired)).toEqual(unauthenticated('Invalid token: the token has expired'));
  });

  it('when the token has no expiry, then it is refused', async () => {
    const eternal = await token(TEST_JWT_SECRET, (jwt) => jwt);

    expect(await system.query(HOUSEHOLD, {}, eternal)).toEqual(unauthenticated('Invalid token: the token\'s exp claim is not accepted'));
  });

  it('when the token is unsigned (alg none), then it is refused', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ ...claims, sub: 'someone', iss: 'dtsen-local', aud: 'dtsen-gateway', exp: 4102444800 })}.`;

    expect(await system.query(HOUSEHOLD, {}, unsigned)).toEqual(
      unauthenticated('Invalid token: the token is signed with an algorithm that is not accepted'),
    );
  });

  it('when the token is for another audience, then it is refused', async () => {
    const elsewhere = await token(TEST_JWT_SECRET, (jwt) => jwt.setAudience('another-api').setExpirationTime('1h'));

    expect(await system.query(HOUSEHOLD, {}, elsewhere)).toEqual(unauthenticated("Invalid token: the token's aud claim is not accepted"));
  });

  it('when the token declares no purpose, then it is refused (UU 27/2022: every access needs a purpose)', async () => {
    const noPurpose = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime('1h'), { org: 'Dinas Sosial DKI', roles: ['analyst'] });

    expect(await system.query(HOUSEHOLD, {}, noPurpose)).toEqual(unauthenticated('Invalid token: the token has no purpose claim'));
  });

  it('when a token names an unknown role, then it is refused', async () => {
    const analyst = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime('1h'));
    const withRole = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime('1h'), { ...claims, roles: ['superuser'] });

    expect([(await system.query(HOUSEHOLD, {}, analyst)).status, await system.query(HOUSEHOLD, {}, withRole)]).toEqual([
      200,
      unauthenticated('Invalid token: the token names an unknown role "superuser"'),
    ]);
  });

  it('when a caseworker token names no regions, then it is refused', async () => {
    const unbounded = await testToken('caseworker', { regions: undefined });
    const bounded = await testToken('caseworker', { regions: ['31.72'] });

    expect([await system.query(HOUSEHOLD, {}, unbounded), (await system.query(HOUSEHOLD, {}, bounded)).status]).toEqual([
      unauthenticated('Invalid token: a caseworker token must name its regions'),
      200,
    ]);
  });

  it('when a partner token names no programmes, then it is refused', async () => {
    const unbounded = await testToken('partner', { programmes: undefined });

    expect(await system.query(HOUSEHOLD, {}, unbounded)).toEqual(unauthenticated('Invalid token: a partner token must name its programmes'));
  });

  it('when the playground page is opened without a token, then it loads, with a header field for the token', async () => {
    const response = await fetch(system.gatewayUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect([response.status, html.includes('Bearer paste a token printed by npm start or npm run token')]).toEqual([200, true]);
  });

  it('when the CSV export is asked for without a token, then it is refused with 401 in the GraphQL error shape', async () => {
    const response = await fetch(`${new URL(system.gatewayUrl).origin}/export/households.csv`);

    expect({ status: response.status, body: await response.json() }).toEqual(
      unauthenticated('Send a token: Authorization: Bearer <token>'),
    );
  });
});
