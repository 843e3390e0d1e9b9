import type { AddressInfo } from 'node:net';
import express from 'express';
import { httpLogging } from '../../common/logging/http-logging';
import { openStore } from '../../common/store/open-store';
import { AuditEntryEntity } from '../../common/store/audit-entity';
import { BUDI, EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { captureLogs, type LogLine } from '../support/log-capture';
import { storeKinds } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken, testToken } from '../support/tokens';

/** What the gateway makes when a client sends no usable id. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const HOUSEHOLD_CARD = 'query HouseholdCard($noKK: String!) { household(noKK: $noKK) { noKK members { nik name } } }';

interface Answer {
  readonly status: number;
  readonly requestId: string | null;
  readonly body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };
}

type Entry = { operation: string; requestId: string };

function distinctEntries(body: Answer['body']): Record<string, Entry[]> {
  const trail = (body.data?.['auditTrail'] ?? {}) as Record<string, Entry[]>;
  return Object.fromEntries(
    Object.entries(trail).map(([register, entries]) => [register, [...new Set(entries.map((entry) => JSON.stringify(entry)))].map((entry) => JSON.parse(entry) as Entry)]),
  );
}

describe.each(storeKinds())('request ids and logs (%s stores)', (store) => {
  const logs = captureLogs();
  let system: RunningSystem;
  let token: string;

  async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}, bearer = token): Promise<Answer> {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as Answer['body'] };
  }

  const linesOf = (requestId: string | null) => logs.lines().filter((line) => line.requestId === requestId);
  /** The one line each service wrote when it finished the request. */
  const finishedLines = (requestId: string | null) =>
    Object.fromEntries(
      linesOf(requestId)
        .filter((line) => line['req'] !== undefined)
        .map((line) => [line.service, { level: line.level, msg: line.msg, headers: (line['req'] as { headers: Record<string, string> }).headers }]),
    );

  beforeAll(async () => {
    system = await startSystem({ store, data: WORLD, evaluationDate: EVALUATION_DATE, loggerFor: logs.loggerFor });
    token = await fullAccessToken();
  });
  afterAll(() => system.stop());

  it('when a client sends an x-request-id, then the answer carries it, every service logs the request under it and each register records it in its audit entries', async () => {
    const answer = await post(HOUSEHOLD_CARD, { noKK: SUTRISNO_KK }, { 'x-request-id': 'frontend-7f3a.1' });
    const trail = await post(
      'query Trail($nik: String!) { auditTrail(nik: $nik) { dtks { operation requestId } regsosek { operation requestId } p3ke { operation requestId } } }',
      { nik: BUDI.nik },
      {},
      await testToken('auditor'),
    );

    const card = { operation: 'HouseholdCard', requestId: 'frontend-7f3a.1' };
    expect({
      status: answer.status,
      requestId: answer.requestId,
      finished: Object.fromEntries(Object.entries(finishedLines('frontend-7f3a.1')).map(([service, line]) => [service, line.msg])),
      // One entry per person and family read, in each call the request made of the register: all of them under the request's id.
      trail: distinctEntries(trail.body),
    }).toEqual({
      status: 200,
      requestId: 'frontend-7f3a.1',
      finished: {
        gateway: expect.stringMatching(/^POST \/graphql 200 in \d+ ms$/),
        dtks: expect.stringMatching(/^POST \/graphql 200 in \d+ ms$/),
        regsosek: expect.stringMatching(/^POST \/graphql 200 in \d+ ms$/),
        p3ke: expect.stringMatching(/^POST \/graphql 200 in \d+ ms$/),
        kemendes: expect.stringMatching(/^POST \/graphql 200 in \d+ ms$/),
        bpjs: expect.stringMatching(/^POST \/graphql 200 in \d+ ms$/),
      },
      trail: { dtks: [card], regsosek: [card], p3ke: [card] },
    });
  });

  it('when a client sends no x-request-id, then the gateway makes one, answers with it and logs under it', async () => {
    const answer = await post(HOUSEHOLD_CARD, { noKK: SUTRISNO_KK });

    expect({ status: answer.status, requestId: answer.requestId, services: Object.keys(finishedLines(answer.requestId)).sort() }).toEqual({
      status: 200,
      requestId: expect.stringMatching(UUID),
      services: ['bpjs', 'dtks', 'gateway', 'kemendes', 'p3ke', 'regsosek'],
    });
  });

  it.each([
    ['oversized', 'x'.repeat(129)],
    ['with characters that could forge a log line', 'abc"} {"level":"info'],
    ['empty', ''],
  ])('when a client sends an x-request-id that is %s, then it is replaced by one the gateway makes', async (_what, sent) => {
    const answer = await post(HOUSEHOLD_CARD, { noKK: SUTRISNO_KK }, { 'x-request-id': sent });

    expect({ status: answer.status, requestId: answer.requestId, services: Object.keys(finishedLines(answer.requestId)).sort() }).toEqual({
      status: 200,
      requestId: expect.stringMatching(UUID),
      services: ['bpjs', 'dtks', 'gateway', 'kemendes', 'p3ke', 'regsosek'],
    });
  });

  it('when the token is refused, then the 401 carries the request id too', async () => {
    const answer = await post(HOUSEHOLD_CARD, { noKK: SUTRISNO_KK }, { 'x-request-id': 'refused-1' }, 'not-a-token');

    expect({ status: answer.status, requestId: answer.requestId, code: answer.body.errors?.[0]?.['extensions'], finished: finishedLines('refused-1') }).toEqual({
      status: 401,
      requestId: 'refused-1',
      code: { code: 'UNAUTHENTICATED' },
      finished: { gateway: { level: 'info', msg: expect.stringMatching(/^POST \/graphql 401 in \d+ ms$/), headers: expect.objectContaining({ authorization: '[Redacted]' }) } },
    });
  });

  it('when a resolver fails with an internal error, then the client gets INTERNAL_SERVER_ERROR with the request id, and the log line under that id has the real error, but no token, NIK or name', async () => {
    await system.indexSource.query('ALTER TABLE resolution_run RENAME TO resolution_run_away');
    let answer: Answer;
    try {
      answer = await post(
        'query Mixed($nik: String!) { person(nik: $nik) { nik name } households { totalCount } }',
        { nik: BUDI.nik },
        { 'x-request-id': 'support-ticket-4711' },
      );
    } finally {
      await system.indexSource.query('ALTER TABLE resolution_run_away RENAME TO resolution_run');
    }

    const errors = linesOf('support-ticket-4711').filter((line) => line.level === 'error');
    const text = linesOf('support-ticket-4711').map((line) => JSON.stringify(line)).join('\n');
    expect({
      status: answer.status,
      requestId: answer.requestId,
      errors: answer.body.errors,
      logged: errors.map((line) => ({ service: line.service, msg: line.msg, path: line['path'], error: (line['err'] as { message: string }).message })),
      leaks: [token, BUDI.nik, BUDI.name].filter((secret) => text.includes(secret)),
    }).toEqual({
      status: 200,
      requestId: 'support-ticket-4711',
      errors: [{ message: 'Internal server error', path: ['households'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'support-ticket-4711' } }],
      logged: [
        { service: 'gateway', msg: 'store statement failed', path: undefined, error: expect.stringMatching(/resolution_run/) },
        { service: 'gateway', msg: 'internal error, masked for the client', path: ['households'], error: expect.stringMatching(/resolution_run/) },
      ],
      leaks: [],
    });
  });

  it("when a request passes the gateway and the registers, then no line of it holds the bearer token or the signed principal: the headers that carry them are redacted", async () => {
    const answer = await post(HOUSEHOLD_CARD, { noKK: SUTRISNO_KK }, { 'x-request-id': 'redaction-1', cookie: 'session=s3cr3t' });

    const finished = finishedLines('redaction-1');
    const text = linesOf('redaction-1').map((line) => JSON.stringify(line)).join('\n');
    const signedHeaders = (service: string) => {
      const headers = finished[service]?.headers ?? {};
      return [headers['x-dtsen-principal'], headers['x-dtsen-signature']];
    };
    expect({
      status: answer.status,
      gateway: [finished['gateway']?.headers['authorization'], finished['gateway']?.headers['cookie']],
      registers: ['dtks', 'regsosek', 'p3ke'].map(signedHeaders),
      leaks: [token, 's3cr3t'].filter((secret) => text.includes(secret)),
    }).toEqual({
      status: 200,
      gateway: ['[Redacted]', '[Redacted]'],
      registers: [
        ['[Redacted]', '[Redacted]'],
        ['[Redacted]', '[Redacted]'],
        ['[Redacted]', '[Redacted]'],
      ],
      leaks: [],
    });
  });
});

describe('store statements in the logs', () => {
  const logs = captureLogs();
  const storeLines = () =>
    logs
      .lines()
      // Only this test's statements: TypeORM's own while opening the store may be slow on a busy machine too.
      .filter((line: LogLine) => line.msg.includes('store statement') && /\bn\(x\)|no_such_table/.test(String(line['statement'])))
      .map((line) => ({
        level: line.level,
        msg: line.msg,
        requestId: line['requestId'],
        statement: line['statement'],
        error: (line['err'] as { message?: string } | undefined)?.message,
      }));
  const SLOW = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) SELECT COUNT(*) AS c FROM n WHERE ? <> ?';

  it('when a statement is slower than the threshold or fails, then it is logged with its placeholders and never its parameters', async () => {
    const dataSource = await openStore('sqlite::memory:', { entities: [AuditEntryEntity], migrations: [] }, { logger: logs.loggerFor('dtks'), slowQueryMs: 1 });
    try {
      await dataSource.query(SLOW, [BUDI.nik, BUDI.name]);
      const failing = 'SELECT nik FROM no_such_table WHERE nik = ?';
      await dataSource.query(failing, [BUDI.nik]).catch(() => undefined);

      expect({ lines: storeLines(), leaks: [BUDI.nik, BUDI.name].filter((value) => logs.text().includes(value)) }).toEqual({
        lines: [
          { level: 'warn', msg: 'slow store statement', requestId: undefined, statement: SLOW, error: undefined },
          { level: 'error', msg: 'store statement failed', requestId: undefined, statement: failing, error: 'no such table: no_such_table' },
        ],
        leaks: [],
      });
    } finally {
      await dataSource.destroy();
    }
  });

  it('when a request runs a slow statement, then its line carries the request id, so the request that paid for it can be found', async () => {
    const logger = logs.loggerFor('dtks');
    const dataSource = await openStore('sqlite::memory:', { entities: [AuditEntryEntity], migrations: [] }, { logger, slowQueryMs: 1 });
    const app = express();
    app.use(httpLogging(logger));
    app.get('/slow', async (_req, res) => {
      await dataSource.query(SLOW, [BUDI.nik, BUDI.name]);
      res.json({ done: true });
    });
    const server = app.listen(0);
    const earlierLines = storeLines().length;
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`, { headers: { 'x-request-id': 'slow-request-1' } });

      expect({ status: response.status, lines: storeLines().slice(earlierLines) }).toEqual({
        status: 200,
        lines: [{ level: 'warn', msg: 'slow store statement', requestId: 'slow-request-1', statement: SLOW, error: undefined }],
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await dataSource.destroy();
    }
  });
});
