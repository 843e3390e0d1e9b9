import { SignJWT } from 'jose';
import { SUTRISNO_KK } from '../federated/fixtures';
import type { RunningSystem } from '../support/system';
import { ROLES } from '../../common/auth/principal';
import { signLocalToken } from '../../gateway/auth/local-token';
import { localRoleToken } from '../../gateway/auth/role-tokens';
import { indexerToken, loadResolutionConfig } from '../../resolution/config';
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

/** Authentication at the gateway: which tokens it refuses and how, on a system with the test defaults. */
export function authenticationCases(system: () => RunningSystem): void {
  it('when a request has no token, then it is refused with UNAUTHENTICATED and HTTP 401', async () => {
    expect(await system().query(HOUSEHOLD, {}, null)).toEqual(unauthenticated('Send a token: Authorization: Bearer <token>'));
  });

  it('when the Authorization header is not a bearer token, then it is refused', async () => {
    const response = await fetch(system().gatewayUrl, {
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

    expect(await system().query(HOUSEHOLD, {}, forged)).toEqual(unauthenticated('Invalid token: the token signature does not match'));
  });

  it('when the token has expired, then it is refused', async () => {
    const expired = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60));

    expect(await system().query(HOUSEHOLD, {}, expired)).toEqual(unauthenticated('Invalid token: the token has expired'));
  });

  it('when the token has no expiry, then it is refused', async () => {
    const eternal = await token(TEST_JWT_SECRET, (jwt) => jwt);

    expect(await system().query(HOUSEHOLD, {}, eternal)).toEqual(unauthenticated('Invalid token: the token\'s exp claim is not accepted'));
  });

  it('when the token is unsigned (alg none), then it is refused', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'none' })}.${encode({ ...claims, sub: 'someone', iss: 'dtsen-local', aud: 'dtsen-gateway', exp: 4102444800 })}.`;

    expect(await system().query(HOUSEHOLD, {}, unsigned)).toEqual(
      unauthenticated('Invalid token: the token is signed with an algorithm that is not accepted'),
    );
  });

  it('when the token is for another audience, then it is refused', async () => {
    const elsewhere = await token(TEST_JWT_SECRET, (jwt) => jwt.setAudience('another-api').setExpirationTime('1h'));

    expect(await system().query(HOUSEHOLD, {}, elsewhere)).toEqual(unauthenticated("Invalid token: the token's aud claim is not accepted"));
  });

  it('when the token declares no purpose, then it is refused (UU 27/2022: every access needs a purpose)', async () => {
    const noPurpose = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime('1h'), { org: 'Dinas Sosial DKI', roles: ['analyst'] });

    expect(await system().query(HOUSEHOLD, {}, noPurpose)).toEqual(unauthenticated('Invalid token: the token has no purpose claim'));
  });

  it('when a token names an unknown role, then it is refused', async () => {
    const analyst = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime('1h'));
    const withRole = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime('1h'), { ...claims, roles: ['superuser'] });

    expect([(await system().query(HOUSEHOLD, {}, analyst)).status, await system().query(HOUSEHOLD, {}, withRole)]).toEqual([
      200,
      unauthenticated('Invalid token: the token names an unknown role "superuser"'),
    ]);
  });

  it('when a caseworker token names no regions, then it is refused', async () => {
    const unbounded = await testToken('caseworker', { regions: undefined });
    const bounded = await testToken('caseworker', { regions: ['31.72'] });

    expect([await system().query(HOUSEHOLD, {}, unbounded), (await system().query(HOUSEHOLD, {}, bounded)).status]).toEqual([
      unauthenticated('Invalid token: a caseworker token must name its regions'),
      200,
    ]);
  });

  it('when a partner token names no programmes, then it is refused', async () => {
    const unbounded = await testToken('partner', { programmes: undefined });

    expect(await system().query(HOUSEHOLD, {}, unbounded)).toEqual(unauthenticated('Invalid token: a partner token must name its programmes'));
  });

  it('when a token expires in the year 2500, then it is refused: it is issued for longer than the 12 hours accepted, or, without iat, expires later than 12 hours from now', async () => {
    const in2500 = Math.floor(Date.UTC(2500, 0, 1) / 1000);
    const issued = await token(TEST_JWT_SECRET, (jwt) => jwt.setIssuedAt().setExpirationTime(in2500));
    const undated = await token(TEST_JWT_SECRET, (jwt) => jwt.setExpirationTime(in2500));

    expect([await system().query(HOUSEHOLD, {}, issued), await system().query(HOUSEHOLD, {}, undated)]).toEqual([
      unauthenticated('Invalid token: the token is issued for longer than the 12 hours accepted'),
      unauthenticated('Invalid token: the token expires later than 12 hours from now, the longest lifetime accepted'),
    ]);
  });

  it('when a token expiring within the hour was issued 13 hours ago, then it is refused: its lifetime counts, not the time left', async () => {
    const now = Math.floor(Date.now() / 1000);
    const longLived = await token(TEST_JWT_SECRET, (jwt) => jwt.setIssuedAt(now - 13 * 3600 + 1800).setExpirationTime(now + 1800));

    expect(await system().query(HOUSEHOLD, {}, longLived)).toEqual(unauthenticated('Invalid token: the token is issued for longer than the 12 hours accepted'));
  });

  it("when the project's own tokens are used (npm start's and npm run token's for every role, the resolution run's, the bench's, the tests'), then each is accepted", async () => {
    const env = { AUTH_JWT_SECRET: TEST_JWT_SECRET };
    const tokens = [
      ...(await Promise.all(ROLES.map((role) => localRoleToken(TEST_JWT_SECRET, { role })))),
      await indexerToken(loadResolutionConfig(env), env),
      await signLocalToken(TEST_JWT_SECRET, { roles: ['analyst'], subject: 'bench', organisation: 'Benchmark', purpose: 'benchmark', expiresIn: '2h' }),
      await testToken('analyst'),
    ];

    const statuses = await Promise.all(tokens.map(async (each) => (await system().query('{ ruleSet { version } }', {}, each)).status));

    expect(statuses).toEqual(tokens.map(() => 200));
  });

  it('when the playground page is opened without a token, then it loads, with a header field for the token', async () => {
    const response = await fetch(system().gatewayUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect([response.status, html.includes('Bearer paste a token printed by npm start or npm run token')]).toEqual([200, true]);
  });

  it('when the CSV export is asked for without a token, then it is refused with 401 in the GraphQL error shape', async () => {
    const response = await fetch(`${new URL(system().gatewayUrl).origin}/export/households.csv`);

    expect({ status: response.status, body: await response.json() }).toEqual(
      unauthenticated('Send a token: Authorization: Bearer <token>'),
    );
  });
}
