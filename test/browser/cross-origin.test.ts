import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page, Request } from 'playwright-core';
import { EXPORT_COLUMNS } from '../../gateway/export/households-csv';
import { AYU, BUDI, DEWI, EVALUATION_DATE, SITI, SUTRISNO_KK, WATI_KK, WORLD } from '../federated/fixtures';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import type { HouseholdApp } from './app/household-app';

/** Serves the bundled app from an origin of its own: the frontend team's site. */
async function startSite(bundle: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/household-app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title><script src="/household-app.js"></script>');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The app bundled for the browser, in memory. */
async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'app', 'household-app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let system: RunningSystem;
let gatewayOrigin: string;
let listed: Awaited<ReturnType<typeof startSite>>;
let unlisted: Awaited<ReturnType<typeof startSite>>;
let token: string;

beforeAll(async () => {
  const bundle = await bundleApp();
  [listed, unlisted] = await Promise.all([startSite(bundle), startSite(bundle)]);
  system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, corsOrigins: [listed.origin] });
  gatewayOrigin = new URL(system.gatewayUrl).origin;
  // A caseworker of Jakarta Utara: looks up families and exports them, names unmasked.
  token = await testToken('caseworker', { regions: ['31.72'] });
}, 60_000);
afterAll(async () => {
  await system?.stop();
  await listed?.close();
  await unlisted?.close();
});

/** What the page sent to the gateway (preflights aside) and what came back. */
interface Exchange {
  readonly method: string;
  readonly body: Record<string, unknown> | null;
  readonly status: number | null;
  readonly answer: unknown;
}

function recordGatewayTraffic(page: Page): Promise<Exchange>[] {
  const exchanges: Promise<Exchange>[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().startsWith(`${gatewayOrigin}/graphql`)) return;
    exchanges.push(
      (async () => {
        const response = await request.response();
        return { method: request.method(), body: request.postDataJSON(), status: response?.status() ?? null, answer: (await response?.json()) ?? null };
      })(),
    );
  });
  return exchanges;
}

/** Opens the site in a fresh page and creates the app there, pointed at the gateway with the token. */
async function openApp(browser: Browser, origin: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(([url, bearer]) => {
    const scope = globalThis as unknown as { createHouseholdApp: (url: string, token: string) => HouseholdApp; app: HouseholdApp };
    scope.app = scope.createHouseholdApp(url, bearer);
  }, [system.gatewayUrl, token] as const);
  return page;
}

const lookUp = (page: Page, noKK: string) => page.evaluate((kk) => (globalThis as unknown as { app: HouseholdApp }).app.lookUpHousehold(kk), noKK);
const download = (page: Page, query: string) => page.evaluate((q) => (globalThis as unknown as { app: HouseholdApp }).app.downloadExport(q), query);

describeWithChromium('a browser app with Apollo Client on another origin', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  describe('listed in CORS_ORIGINS', () => {
    it('when it looks a household up twice with its token, then it gets the whole household, and the second time it sends the persisted query hash alone', async () => {
      const page = await openApp(browser, listed.origin);
      const traffic = recordGatewayTraffic(page);

      const answers = [await lookUp(page, SUTRISNO_KK), await lookUp(page, SUTRISNO_KK)];

      const member = (person: typeof BUDI, age: number) => ({ __typename: 'Person', nik: person.nik, name: person.name, age });
      const eligibility = (program: string, eligible: boolean, estimatedAnnualBenefit: number) => ({ __typename: 'ProgramEligibility', program, eligible, estimatedAnnualBenefit });
      const household = {
        household: {
          __typename: 'Household',
          noKK: SUTRISNO_KK,
          sources: ['DTKS', 'REGSOSEK', 'P3KE'],
          desil: { __typename: 'ResolvedDesil', value: 2, source: 'REGSOSEK' },
          members: [member(BUDI, 40), member(SITI, 36), member(AYU, 4), member(DEWI, 14)],
          eligibility: [
            eligibility('PKH', true, 7_500_000),
            eligibility('BPNT', true, 2_400_000),
            eligibility('PBI_JK', true, 2_016_000),
            eligibility('PIP', true, 750_000),
            eligibility('BLT_DD', false, 0),
          ],
        },
      };
      expect(answers).toEqual([{ ok: household }, { ok: household }]);

      const exchanges = await Promise.all(traffic);
      const sent = exchanges.map(({ method, body, status, answer }) => ({
        method,
        query: typeof body?.['query'] === 'string',
        hash: (body?.['extensions'] as { persistedQuery?: { sha256Hash?: string } } | undefined)?.persistedQuery?.sha256Hash,
        status,
        answer: answer === null || typeof answer !== 'object' || !('errors' in answer) ? 'data' : answer,
      }));
      const registered = exchanges[1]?.body?.['query'] as string;
      const notFound = { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
      expect(sent).toEqual([
        { method: 'POST', query: false, hash: sha256(registered), status: 200, answer: notFound },
        { method: 'POST', query: true, hash: sha256(registered), status: 200, answer: 'data' },
        { method: 'POST', query: false, hash: sha256(registered), status: 200, answer: 'data' },
      ]);
    });

    it('when it downloads the CSV export with fetch and its token, then it reads the file, and the index warning while the index is not filled', async () => {
      const page = await openApp(browser, listed.origin);
      const header = `${EXPORT_COLUMNS.join(',')}`;

      const before = await download(page, 'regionPrefix=31.72');
      await system.resolve();
      const after = await download(page, 'regionPrefix=31.72');

      expect(before).toEqual({ ok: { status: 200, contentType: 'text/csv; charset=utf-8', indexWarning: 'INDEX_MISSING', body: `${header}\n` } });
      if (!('ok' in after)) throw new Error(`the download failed: ${after.error.message}`);
      const [headerRow, ...rows] = after.ok.body.trimEnd().split('\n');
      // Each row names its family's No. KK; the other columns are the export's own tests' business.
      expect({ ...after.ok, body: { headerRow, families: rows.map((row) => /\d{16}/.exec(row)?.[0]).sort() } }).toEqual({
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        indexWarning: null,
        body: { headerRow: header, families: [SUTRISNO_KK, WATI_KK].sort() },
      });
    });
  });

  describe('not listed in CORS_ORIGINS', () => {
    it('when it looks a household up or downloads the export, then the browser lets it read nothing: both fail as network errors', async () => {
      const page = await openApp(browser, unlisted.origin);

      const outcomes = { lookUp: await lookUp(page, SUTRISNO_KK), download: await download(page, 'regionPrefix=31.72') };

      expect(outcomes).toEqual({
        lookUp: { error: { name: 'TypeError', message: 'Failed to fetch' } },
        download: { error: { name: 'TypeError', message: 'Failed to fetch' } },
      });
    });
  });
});

describe("the gateway's CORS headers, as a browser asks for them", () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': url.endsWith('/graphql') ? 'POST' : 'GET',
        'access-control-request-headers': 'authorization,content-type,apollographql-client-name,apollographql-client-version',
      },
    });
  const cors = (response: Response) => ({
    status: response.status,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    allowHeaders: response.headers.get('access-control-allow-headers'),
    exposeHeaders: response.headers.get('access-control-expose-headers'),
  });
  const ALLOWED_HEADERS = 'authorization,content-type,apollo-require-preflight,x-apollo-operation-name,apollographql-client-name,apollographql-client-version';
  const EXPOSED_HEADERS = 'retry-after,x-request-id,X-Index-Warning';

  it.each(['/graphql', '/export/households.csv'])(
    'when a listed origin preflights %s with a bearer token, then it is allowed without one; an unlisted origin gets no Access-Control-Allow-Origin',
    async (route) => {
      const url = `${gatewayOrigin}${route}`;

      const [allowed, refused] = await Promise.all([preflight(url, listed.origin), preflight(url, unlisted.origin)]);

      expect({ allowed: cors(allowed), refused: cors(refused).allowOrigin }).toEqual({
        allowed: { status: 204, allowOrigin: listed.origin, allowHeaders: ALLOWED_HEADERS, exposeHeaders: EXPOSED_HEADERS },
        refused: null,
      });
    },
  );

  it('when a listed origin sends the request itself, then the answer lets the page read Retry-After, x-request-id and X-Index-Warning; for an unlisted origin it carries no CORS header', async () => {
    const exportOf = (origin: string) =>
      fetch(`${gatewayOrigin}/export/households.csv?regionPrefix=31.72`, { headers: { origin, authorization: `Bearer ${token}` } });

    const [allowed, refused] = await Promise.all([exportOf(listed.origin), exportOf(unlisted.origin)]);
    await Promise.all([allowed.text(), refused.text()]);

    expect({ allowed: cors(allowed), refused: cors(refused) }).toEqual({
      allowed: { status: 200, allowOrigin: listed.origin, allowHeaders: null, exposeHeaders: EXPOSED_HEADERS },
      refused: { status: 200, allowOrigin: null, allowHeaders: null, exposeHeaders: null },
    });
  });
});
