import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentHash, loadTrustedDocuments, manifestJson } from '../../gateway/trusted-documents/manifests';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { persistedQuery } from '../scaling/apq-client';
import { captureLogs } from '../support/log-capture';
import { startSystem, type GraphQLResponse, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const REGISTERED = 'query PbiEligibility($noKK: String!) { household(noKK: $noKK) { eligibility { program eligible } } }';
const UNREGISTERED = 'query PbiTargeting($noKK: String!) { household(noKK: $noKK) { targeting { program } } }';
const VARIABLES = { noKK: SUTRISNO_KK };

const ELIGIBILITY_ANSWER = { status: 200, body: { data: { household: { eligibility: [{ program: 'PBI_JK', eligible: true }] } } } };
const TARGETING_ANSWER = { status: 200, body: { data: { household: { targeting: [{ program: 'PBI_JK' }] } } } };
const NOT_REGISTERED = {
  status: 403,
  body: {
    errors: [
      {
        message: 'This operation is not registered for your organisation: register it with npm run operations -- register, then send it or its id',
        extensions: { code: 'OPERATION_NOT_REGISTERED' },
      },
    ],
  },
};

/** The operations directory of the tests: BPJS Kesehatan registered REGISTERED for its app. */
function registeredOperations(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
  mkdirSync(path.join(dir, 'bpjs-kesehatan'));
  writeFileSync(path.join(dir, 'bpjs-kesehatan', 'pbi-app.json'), manifestJson([{ id: documentHash(REGISTERED), name: 'PbiEligibility', type: 'query', body: REGISTERED }]));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function byDocumentId(gatewayUrl: string, token: string, documentId: string): Promise<GraphQLResponse> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentId, variables: VARIABLES }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

async function getByHash(gatewayUrl: string, token: string, sha256Hash: string): Promise<GraphQLResponse> {
  const search = new URLSearchParams({ variables: JSON.stringify(VARIABLES), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }) });
  const response = await fetch(`${gatewayUrl}?${search}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

describe('trusted documents under TRUSTED_DOCUMENTS=partner:enforce,*:off', () => {
  let system: RunningSystem;
  let operations: ReturnType<typeof registeredOperations>;
  let bpjs: string;
  beforeAll(async () => {
    operations = registeredOperations();
    system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      trustedDocuments: { modes: 'partner:enforce,*:off', store: loadTrustedDocuments(operations.dir) },
    });
    bpjs = await testToken('partner', { organisation: 'BPJS Kesehatan', programmes: ['PBI_JK'] });
  });
  afterAll(async () => {
    await system.stop();
    operations.remove();
  });

  it('when a partner sends an operation its organisation has not registered, then it is refused with 403 OPERATION_NOT_REGISTERED, by text and by hash', async () => {
    expect({
      byText: await system.query(UNREGISTERED, VARIABLES, bpjs),
      byHash: await persistedQuery(system.gatewayUrl, bpjs, documentHash(UNREGISTERED), null, VARIABLES),
      byGet: await getByHash(system.gatewayUrl, bpjs, documentHash(UNREGISTERED)),
    }).toEqual({ byText: NOT_REGISTERED, byHash: NOT_REGISTERED, byGet: NOT_REGISTERED });
  });

  it('when a partner sends a registered operation by its text, by its hash alone (POST or GET) or by documentId alone, then it is answered each time', async () => {
    expect({
      byText: await system.query(REGISTERED, VARIABLES, bpjs),
      byHash: await persistedQuery(system.gatewayUrl, bpjs, documentHash(REGISTERED), null, VARIABLES),
      byGet: await getByHash(system.gatewayUrl, bpjs, documentHash(REGISTERED)),
      byDocumentId: await byDocumentId(system.gatewayUrl, bpjs, documentHash(REGISTERED)),
    }).toEqual({ byText: ELIGIBILITY_ANSWER, byHash: ELIGIBILITY_ANSWER, byGet: ELIGIBILITY_ANSWER, byDocumentId: ELIGIBILITY_ANSWER });
  });

  it("when a partner of another organisation sends BPJS Kesehatan's registered operation, then it is refused: an organisation's registrations trust nobody else", async () => {
    const other = await testToken('partner', { organisation: 'Kemendikbudristek', programmes: ['PBI_JK'] });

    expect({
      byText: await system.query(REGISTERED, VARIABLES, other),
      byHash: await persistedQuery(system.gatewayUrl, other, documentHash(REGISTERED), null, VARIABLES),
    }).toEqual({ byText: NOT_REGISTERED, byHash: NOT_REGISTERED });
  });

  it('when an analyst, whose role is off, sends an unregistered operation, then it is answered', async () => {
    const analyst = await testToken('analyst');

    expect(await system.query('{ household(noKK: "3172011506100001") { targeting { program } } }', {}, analyst)).toEqual({
      status: 200,
      body: { data: { household: { targeting: [{ program: 'PKH' }, { program: 'BPNT' }, { program: 'PBI_JK' }, { program: 'PIP' }, { program: 'BLT_DD' }] } } },
    });
  });
});

describe('trusted documents under TRUSTED_DOCUMENTS=partner:log', () => {
  let system: RunningSystem;
  let operations: ReturnType<typeof registeredOperations>;
  const logs = captureLogs();
  beforeAll(async () => {
    operations = registeredOperations();
    system = await startSystem({
      store: 'sqlite',
      data: WORLD,
      evaluationDate: EVALUATION_DATE,
      loggerFor: logs.loggerFor,
      trustedDocuments: { modes: 'partner:log', store: loadTrustedDocuments(operations.dir) },
    });
  });
  afterAll(async () => {
    await system.stop();
    operations.remove();
  });

  it('when a partner sends an unregistered operation, then it is answered and logged with its name and hash, without its variables; a registered one is not logged', async () => {
    const bpjs = await testToken('partner', { organisation: 'BPJS Kesehatan', programmes: ['PBI_JK'] });
    logs.clear();

    const unregistered = await system.query(UNREGISTERED, VARIABLES, bpjs);
    const registered = await system.query(REGISTERED, VARIABLES, bpjs);

    expect({
      unregistered,
      registered,
      logged: logs.lines().filter((line) => line.msg === 'operation not registered for its organisation').map((line) => line['trustedDocuments']),
      variablesLogged: logs.text().includes(SUTRISNO_KK),
    }).toEqual({
      unregistered: TARGETING_ANSWER,
      registered: ELIGIBILITY_ANSWER,
      logged: [{ operationName: 'PbiTargeting', documentHash: documentHash(UNREGISTERED), organisation: 'BPJS Kesehatan' }],
      variablesLogged: false,
    });
  });
});
