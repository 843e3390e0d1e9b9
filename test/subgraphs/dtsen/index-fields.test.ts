import { createCursorCodec } from '../../../common/cursor';
import { TEST_SIGNING_SECRET } from '../../support/principals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { execute, parse } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../../common/auth/principal';
import { closeStore } from '../../../common/store/open-store';
import { buildDtsenSchema, createDtsenContext } from '../../../subgraphs/dtsen/schema';
import { householdsCsvHandler } from '../../../gateway/export/households-csv';
import type { ResolvedHousehold } from '../../../resolution/household';
import { createIndexQueryRepository, type IndexQueryRepository } from '../../../resolution/query-repository';
import { createIndexRepository } from '../../../resolution/repository';
import { openIndexStore } from '../../../resolution/store';
import { createTestIndexStore, type TestIndexStore } from '../../resolution/index-store';
import { indexedHousehold } from '../../resolution/indexed-household';
import { testPrincipal } from '../../support/principals';
import { EVALUATION_DATE, RULES } from './fixtures';
import { httpLogging } from '../../../common/logging/http-logging';
import { silentLogger } from '../../../common/logging/logger';

// `households`, `statistics` and the CSV export for principals limited to regions, over a small
// index (SQLite; the repository's SQL is checked on MariaDB in test/resolution/region-scope).

function family(noKK: string, regionCode: string): ResolvedHousehold {
  return indexedHousehold(noKK, { persons: 2, region: { code: regionCode }, desil: { value: 3, source: 'REGSOSEK', conflict: false } });
}

const PUSAT = family('3171010101250001', '3171011001');
const UTARA = family('3172010101250001', '3172011001');
const NOTHING_HELD = { householdsHeld: async () => [], personsHeld: async () => [], memberRecords: async () => [] };

let store: TestIndexStore;
let dataSource: DataSource;
let index: IndexQueryRepository;

beforeAll(async () => {
  store = createTestIndexStore('sqlite');
  dataSource = await openIndexStore(store.url);
  const writer = createIndexRepository(dataSource);
  const run = await writer.startRun({ ruleSet: '2025', evaluationDate: '2025-07-01', startedAt: '2025-07-01T01:00:00.000Z', cursors: '{}' });
  await writer.saveHouseholds([PUSAT, UTARA], run.id, '2025-07-01T01:00:01.000Z');
  await writer.finishRun(run.id, '2025-07-01T01:00:02.000Z');
  index = createIndexQueryRepository(dataSource);
});
afterAll(async () => {
  await closeStore(dataSource);
  await store.remove();
});

function run(principal: Principal, query: string) {
  const deps = { ruleSet: RULES, evaluationDate: EVALUATION_DATE, directory: NOTHING_HELD, cursors: createCursorCodec(TEST_SIGNING_SECRET), index };
  return Promise.resolve(execute({ schema: buildDtsenSchema(deps), document: parse(query), contextValue: createDtsenContext(deps, principal) }));
}

describe('households and statistics for a principal limited to regions', () => {
  it('when a caseworker of Jakarta Utara lists households, then only its families are listed and counted', async () => {
    const result = await run(testPrincipal('caseworker', { regions: ['3172'] }), '{ households { nodes { noKK } totalCount } }');

    expect(result).toEqual({ data: { households: { nodes: [{ noKK: UTARA.noKK }], totalCount: 1 } } });
  });

  it('when an analyst (every region) lists households, then every family is listed', async () => {
    const result = (await run(testPrincipal('analyst'), '{ households { nodes { noKK } totalCount } }')) as {
      data: { households: { nodes: { noKK: string }[]; totalCount: number } };
    };

    const { nodes, totalCount } = result.data.households;
    expect({ noKKs: nodes.map((node) => node.noKK).sort(), totalCount }).toEqual({ noKKs: [PUSAT.noKK, UTARA.noKK], totalCount: 2 });
  });

  it('when a caseworker of Jakarta Utara asks for statistics per city, then only its city is listed and counted', async () => {
    const result = await run(testPrincipal('caseworker', { regions: ['3172'] }), '{ statistics(level: CITY) { total { families persons } regions { code families } } }');

    expect(result).toEqual({ data: { statistics: { total: { families: 1, persons: 2 }, regions: [{ code: '3172', families: 1 }] } } });
  });
});

describe('GET /export/households.csv for a principal', () => {
  let server: Server;
  let origin: string;
  let principal: Principal;

  beforeAll(async () => {
    const app = express();
    app.get(
      '/export/households.csv',
      httpLogging(silentLogger()),
      householdsCsvHandler({ index, expected: { ruleSet: '2025', evaluationDate: '2025-07-01' }, principalOf: () => principal }),
    );
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function download() {
    const response = await fetch(`${origin}/export/households.csv?format=plain`);
    const body = await response.text();
    // Rows come in listing order, which is random: sorted here.
    return { status: response.status, body: response.ok ? body.split('\n').slice(1).map((row) => row.split(',')[0]).sort() : JSON.parse(body) };
  }

  it('when a caseworker of Jakarta Pusat exports, then only its families are exported, with the No. KK unmasked', async () => {
    principal = testPrincipal('caseworker', { regions: ['3171'] });

    expect(await download()).toEqual({ status: 200, body: ['', PUSAT.noKK] });
  });

  it('when an analyst (no pii) exports, then every family is exported with the No. KK masked', async () => {
    principal = testPrincipal('analyst');

    expect(await download()).toEqual({ status: 200, body: ['', '3171********0001', '3172********0001'] });
  });

  it('when a principal without the search scope exports, then the answer is 403 FORBIDDEN', async () => {
    principal = testPrincipal('frontend');

    expect(await download()).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'The households export needs the search scope' } });
  });
});
