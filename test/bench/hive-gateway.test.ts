import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { verifySignedRequest } from '../../common/auth/signature';
import { API_LIMITS } from '../../gateway/config';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { buildHiveGateway } from '../../bench/hive/server';
import { signingPlugin } from '../../bench/hive/signing-plugin';
import { HOUSEHOLD_BY_KK, PERSON_BY_NIK } from '../../bench/scenarios';
import { BUDI, EVALUATION_DATE, SUTRISNO_KK, UNKNOWN_KK, WATI_KK, WORLD } from '../federated/fixtures';
import { TEST_SIGNING_SECRET, testPrincipal, testSigningKey } from '../support/principals';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken, TEST_TOKEN_SOURCE } from '../support/tokens';

async function post(url: string, query: string, variables: Record<string, unknown>, token: string | null) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('Hive Gateway in the bench, over the same subgraphs and dtsen service as our gateway', () => {
  let system: RunningSystem;
  let hive: GatewayRuntime;
  let server: Server;
  let hiveUrl: string;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, dtsen: 'http' });
    hive = buildHiveGateway({
      supergraphSdl: readSupergraphSdl(),
      subgraphUrls: { ...system.subgraphUrls, dtsen: system.dtsenUrl ?? '' },
      subgraphTimeoutMs: 5000,
      tokenSource: TEST_TOKEN_SOURCE,
      signingSecret: TEST_SIGNING_SECRET,
      rateLimitPerMinute: 1_000_000,
      limits: API_LIMITS,
      introspection: false,
    });
    server = createServer(hive);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    hiveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await hive.dispose();
    await system.stop();
  });

  it.each([
    ['held by all three registers', SUTRISNO_KK],
    ['held by fewer registers', WATI_KK],
    ['held by none', UNKNOWN_KK],
  ])('when a household %s is asked as in scenario (a), then Hive Gateway answers what our gateway answers', async (_case, noKK) => {
    const expected = await system.query(HOUSEHOLD_BY_KK, { noKK });

    const response = await post(hiveUrl, HOUSEHOLD_BY_KK, { noKK }, await fullAccessToken());

    expect(expected.body.errors).toBeUndefined();
    expect(response).toEqual(expected);
  });

  it('when a person is asked by NIK as in scenario (c), then Hive Gateway answers what our gateway answers', async () => {
    const expected = await system.query(PERSON_BY_NIK, { nik: BUDI.nik });

    const response = await post(hiveUrl, PERSON_BY_NIK, { nik: BUDI.nik }, await fullAccessToken());

    expect(expected.body.errors).toBeUndefined();
    expect(response).toEqual(expected);
  });

  it('when a request carries no token, then Hive Gateway refuses it with 401 UNAUTHENTICATED and no register is read', async () => {
    system.resetQueryLog();

    const response = await post(hiveUrl, HOUSEHOLD_BY_KK, { noKK: SUTRISNO_KK }, null);

    expect(response).toEqual({
      status: 401,
      body: { errors: [{ message: 'Send a token: Authorization: Bearer <token>', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(system.sql).toEqual({ dtks: [], regsosek: [], p3ke: [], kemendes: [], bpjs: [], changes: [] });
  });
});

describe('the signing plugin of Hive Gateway', () => {
  const DTSEN_URL = 'http://dtsen.test/graphql';
  const KEYS = new Map([[DTSEN_URL, testSigningKey('dtsen')]]);
  type FetchPayload = Parameters<NonNullable<ReturnType<typeof signingPlugin>['onFetch']>>[0];

  function fetchOf(context: object, body: string): { payload: FetchPayload; sent: () => Record<string, string> | undefined } {
    let options: { headers?: unknown } | undefined;
    const payload = {
      url: DTSEN_URL,
      context,
      options: { method: 'POST', body, headers: { 'content-type': 'application/json' } },
      setOptions: (next: { headers?: unknown }) => {
        options = next;
      },
    } as unknown as FetchPayload;
    return { payload, sent: () => options?.headers as Record<string, string> | undefined };
  }

  it('when a subgraph request is sent for a principal, then it carries a signature of the principal over its exact body with that subgraph\'s key', async () => {
    const principal = testPrincipal('analyst', { operation: 'BenchHousehold' });
    const body = '{"query":"{ ruleSet { version } }"}';
    const { payload, sent } = fetchOf({ principal }, body);

    await signingPlugin(KEYS).onFetch?.(payload);

    const headers = sent() ?? {};
    expect(headers['content-type']).toBe('application/json');
    expect(verifySignedRequest(testSigningKey('dtsen'), { principal: headers['x-dtsen-principal'], signature: headers['x-dtsen-signature'] }, Buffer.from(body))).toEqual(principal);
  });

  it('when a request has no principal (the supergraph is being loaded), then it goes out unsigned', async () => {
    const { payload, sent } = fetchOf({ log: undefined }, '{}');

    await signingPlugin(KEYS).onFetch?.(payload);

    expect(sent()).toBeUndefined();
  });
});
