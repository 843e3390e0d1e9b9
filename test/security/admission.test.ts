import { connect } from 'node:net';
import { EVALUATION_DATE, WORLD } from '../federated/fixtures';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const BODY_TIMEOUT_MS = 1_000;
/** Every Regsosek call takes this long while the proxy is slow: what makes a request expensive here. */
const REGSOSEK_DELAY_MS = 300;
const SLOW_PAGE = '{ regsosekFamilies(first: 20) { nodes { noKK } } }';
const EXPORT_HEADER_START = 'no_kk,region_code,desil,';

interface SlowClientAnswer {
  /** Everything the gateway sent before the connection closed. */
  readonly received: string;
  readonly closedAfterMs: number;
}

/**
 * A client on a raw socket that announces a 100,000-byte JSON body, sends one byte and then
 * nothing: what a slow-loris attacker does. `sent` resolves once its bytes are on the wire,
 * `answer` when the gateway closes the connection.
 */
function sendSlowBody(gatewayUrl: string, token: string | null): { sent: Promise<void>; answer: Promise<SlowClientAnswer> } {
  const { hostname, port, pathname } = new URL(gatewayUrl);
  const sentAt = performance.now();
  let received = '';
  const socket = connect(Number(port), hostname);
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => undefined);
  const answer = new Promise<SlowClientAnswer>((resolve) => {
    socket.on('close', () => resolve({ received, closedAfterMs: performance.now() - sentAt }));
  });
  const headers = [
    `POST ${pathname} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Content-Type: application/json',
    'Content-Length: 100000',
    ...(token === null ? [] : [`Authorization: Bearer ${token}`]),
  ];
  const sent = new Promise<void>((resolve) => socket.write(`${headers.join('\r\n')}\r\n\r\n{`, () => resolve()));
  return { sent, answer };
}

/** The status line, the connection header and the body of a raw HTTP answer. */
function parseAnswer(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { statusLine, connection: headers.get('connection'), body: body === '' ? null : (JSON.parse(body) as unknown) };
}

describe('admission: what a request must pass before it may take one of the gateway’s slots', () => {
  let system: RunningSystem;
  let proxy: FaultProxy | undefined;
  let origin: string;

  beforeAll(async () => {
    system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      // Four slots, two for any one principal; the deadline of a waiting request is 6 s.
      concurrency: { maxConcurrent: 4, maxQueued: 100, maxConcurrentPerPrincipal: 2 },
      subgraphTimeoutMs: 3_000,
      bodyTimeoutMs: BODY_TIMEOUT_MS,
      subgraphUrlFor: async (register, url) => {
        if (register !== 'regsosek') return url;
        proxy = await startFaultProxy(url, { slowMs: REGSOSEK_DELAY_MS });
        return proxy.url;
      },
    });
    origin = new URL(system.gatewayUrl).origin;
  });
  afterEach(async () => {
    await proxy?.set('pass');
  });
  afterAll(async () => {
    await system.stop();
    await proxy?.close();
  });

  const metric = async (name: string): Promise<number> => {
    const text = await (await fetch(`${origin}/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    return Number(line?.split(' ')[1]);
  };
  const until = async (condition: () => Promise<boolean>) => {
    for (let waited = 0; !(await condition()); waited += 10) {
      if (waited > 5_000) throw new Error('the gateway never reached the expected state');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const download = async (token: string) => {
    const response = await fetch(`${origin}/export/households.csv`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.text() };
  };

  it('when eight clients without a token and eight with one send their bodies byte by byte, then an authenticated request is answered at once, and each slow client gets 408, counted as a refusal, and loses its connection at the body deadline', async () => {
    const token = await testToken('frontend', { subject: 'slow-client' });
    const closed: SlowClientAnswer[] = [];
    const slowClients = [...Array.from({ length: 8 }, () => null), ...Array.from({ length: 8 }, () => token)].map((slowToken) =>
      sendSlowBody(system.gatewayUrl, slowToken),
    );
    const slowAnswered = slowClients.map(({ answer }) =>
      answer.then((received) => {
        closed.push(received);
        return received;
      }),
    );
    await Promise.all(slowClients.map(({ sent }) => sent));
    // Time for the gateway to read their headers, as it would have taken their slots before.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const answered = await system.query('{ ruleSet { version } }', {}, await testToken('frontend', { subject: 'patient-client' }));
    const slowClosedBeforeAnswer = closed.length;
    const slowAnswers = await Promise.all(slowAnswered);

    expect(answered).toEqual({ status: 200, body: { data: { ruleSet: { version: '2025' } } } });
    expect(slowClosedBeforeAnswer).toBe(0);
    expect(await metric('dtsen_gateway_refusals_total{status="408",reason="body_timeout"}')).toBe(16);
    expect(slowAnswers.map((answer) => parseAnswer(answer.received))).toEqual(
      Array.from({ length: 16 }, () => ({
        statusLine: 'HTTP/1.1 408 Request Timeout',
        connection: 'close',
        body: { errors: [{ message: `The request body did not arrive within ${BODY_TIMEOUT_MS} ms`, extensions: { code: 'BAD_REQUEST' } }] },
      })),
    );
    for (const answer of slowAnswers) {
      expect(answer.closedAfterMs).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 50);
      expect(answer.closedAfterMs).toBeLessThan(BODY_TIMEOUT_MS + 2_000);
    }
  });

  it("when an analyst sends twice as many slow requests as the gateway has slots, then another caller's request runs beside them, not after them", async () => {
    await proxy?.set('slow');
    const analyst = await testToken('analyst', { subject: 'busy-analyst' });
    let analystAnswered = 0;
    const analystRequests = Array.from({ length: 8 }, () =>
      system.query(SLOW_PAGE, {}, analyst).then((response) => {
        analystAnswered += 1;
        return response.status;
      }),
    );
    // Two run (its share of the four slots), six wait; two slots stay free.
    await until(async () => (await metric('dtsen_gateway_requests_queued')) === 6);
    const runningForTheAnalyst = await metric('dtsen_gateway_requests_running');

    const other = await system.query('{ ruleSet { version } }', {}, await testToken('frontend', { subject: 'other-user' }));
    const analystAnsweredBeforeOther = analystAnswered;

    expect(runningForTheAnalyst).toBe(2);
    expect(other).toEqual({ status: 200, body: { data: { ruleSet: { version: '2025' } } } });
    // Before per-principal shares all four slots ran the analyst's requests and the other caller queued behind four more.
    expect(analystAnsweredBeforeOther).toBeLessThanOrEqual(2);
    expect(await Promise.all(analystRequests)).toEqual(Array.from({ length: 8 }, () => 200));
  });

  it("when an analyst runs its share, then its CSV export waits its turn like a query while another analyst's export is served at once", async () => {
    await proxy?.set('slow');
    const busy = await testToken('analyst', { subject: 'exporting-analyst' });
    const queries = [system.query(SLOW_PAGE, {}, busy), system.query(SLOW_PAGE, {}, busy)];
    await until(async () => (await metric('dtsen_gateway_requests_running')) === 2);
    let busyExportDone = false;
    const busyExport = download(busy).then((answer) => {
      busyExportDone = true;
      return answer;
    });
    await until(async () => (await metric('dtsen_gateway_requests_queued')) === 1);

    const otherExport = await download(await testToken('analyst', { subject: 'other-analyst' }));
    const busyExportDoneBeforeOther = busyExportDone;
    const [busyAnswer, ...queryAnswers] = await Promise.all([busyExport, ...queries]);

    expect(otherExport.status).toBe(200);
    expect(otherExport.body.startsWith(EXPORT_HEADER_START)).toBe(true);
    expect(busyExportDoneBeforeOther).toBe(false);
    expect(busyAnswer).toEqual(otherExport);
    expect(queryAnswers.map((answer) => answer.status)).toEqual([200, 200]);
  });
});
