import { maskIdentifier } from '../../common/auth/masking';
import type { AuditRecord } from '../../common/store/audit-records';
import { auditTrailStore } from '../../common/store/audit-trail';
import { REGISTERS } from '../../common/store-url';
import { BUDI, EVALUATION_DATE, SUTRISNO_KK, WATI, WATI_KK, WORLD } from '../federated/fixtures';
import { storeKinds, type StoreKind } from '../support/stores';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

// Reads served from the gateway's resolution index alone (the `households` listing's No. KKs, the
// CSV export, a look-up the index answers) reach no register, so the index keeps an audit trail of its own.

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** The request id the gateway made, for a client that sent none. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const CASEWORKER = { subject: 'worker-7', organisation: 'Dinas Sosial Jakarta Utara', purpose: 'home visit', regions: ['31.72'] };
const ANALYST = { subject: 'planner-2', organisation: 'Bappenas', purpose: 'budget planning' };

function indexEntry(who: { subject: string; organisation: string; purpose: string }, roles: string[], operation: string, noKK: string): AuditRecord {
  return { at: expect.stringMatching(ISO_INSTANT), subject: who.subject, organisation: who.organisation, purpose: who.purpose, roles, operation, requestId: expect.stringMatching(UUID), nik: null, noKK };
}

/** A refusal of every insert into the index's audit trail, as a full disk or a lost primary would give. */
function refuseInserts(kind: StoreKind): string {
  return kind === 'sqlite'
    ? "CREATE TRIGGER audit_entry_refused BEFORE INSERT ON audit_entry BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    : "CREATE TRIGGER audit_entry_refused BEFORE INSERT ON audit_entry FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'";
}

describe.each(storeKinds())('the audit trail of reads of the resolution index (%s)', (kind) => {
  let system: RunningSystem;
  let origin: string;
  let caseworker: string;
  let analyst: string;
  let auditor: string;
  /** The index trail's entries of each family written by `subject`. */
  let trailOf: (subject: string, noKKs: readonly string[]) => Promise<AuditRecord[][]>;

  beforeAll(async () => {
    system = await startSystem({ store: kind, data: WORLD, evaluationDate: EVALUATION_DATE, resolve: true });
    origin = new URL(system.gatewayUrl).origin;
    caseworker = await testToken('caseworker', CASEWORKER);
    analyst = await testToken('analyst', ANALYST);
    auditor = await testToken('auditor', { subject: 'dpo-1', organisation: 'Kemensos DPO', purpose: 'data subject access request' });
    const trail = auditTrailStore(system.indexSource, 'noKK');
    trailOf = async (subject, noKKs) => (await trail.byKeys(noKKs)).map((entries) => entries.filter((entry) => entry.subject === subject));
  }, 60_000);
  afterAll(() => system.stop());

  it("when a caseworker lists households selecting only their No. KKs, then no register is asked about them and the index records each family of the page, with who, why and which operation", async () => {
    system.resetQueryLog();

    const listing = await system.query('query FamiliesToVisit { households(filter: { regionPrefix: "31.72" }) { nodes { noKK } } }', {}, caseworker);
    const listed = (listing.body.data?.['households'] as { nodes: { noKK: string }[] }).nodes.map((node) => node.noKK);

    // Listing order is random (common/store/listing-key.ts): the families are compared as a set. The
    // index status may have read the registers' import ledgers (at most every 5 s), which name no family.
    const registerSql = Object.fromEntries(Object.entries(system.sql).map(([subgraph, statements]) => [subgraph, statements.filter((sql) => !sql.includes('FROM import_ledger'))]));
    expect({ status: listing.status, listed: listed.sort(), registerSql, trail: await trailOf(CASEWORKER.subject, [SUTRISNO_KK, WATI_KK]) }).toEqual({
      status: 200,
      listed: [SUTRISNO_KK, WATI_KK].sort(),
      registerSql: { dtks: [], regsosek: [], p3ke: [], kemendes: [], bpjs: [], changes: [] },
      trail: [
        [indexEntry(CASEWORKER, ['caseworker'], 'FamiliesToVisit', SUTRISNO_KK)],
        [indexEntry(CASEWORKER, ['caseworker'], 'FamiliesToVisit', WATI_KK)],
      ],
    });
  });

  it('when an analyst lists households, then the masked read is recorded too, as the registers record masked reads', async () => {
    const listing = await system.query('query Poorest { households(filter: { inRegister: REGSOSEK }) { nodes { noKK } } }', {}, analyst);

    expect({ listing, trail: await trailOf(ANALYST.subject, [SUTRISNO_KK, WATI_KK]) }).toEqual({
      listing: { status: 200, body: { data: { households: { nodes: [{ noKK: maskIdentifier(SUTRISNO_KK) }] } } } },
      trail: [[indexEntry(ANALYST, ['analyst'], 'Poorest', SUTRISNO_KK)], []],
    });
  });

  it('when a caseworker downloads the CSV export, then every exported family is recorded under the export and its filter', async () => {
    const response = await fetch(`${origin}/export/households.csv?regionPrefix=31.72&desilMax=10`, { headers: { authorization: `Bearer ${caseworker}` } });
    const exported = (await response.text()).split('\n').slice(1, -1).map((line) => line.split(',')[0]?.replace(/^"\t(.*)"$/, '$1')).sort();

    const operation = 'GET /export/households.csv?regionPrefix=31.72&desilMax=10';
    expect({ status: response.status, exported, trail: (await trailOf(CASEWORKER.subject, [SUTRISNO_KK, WATI_KK])).map((entries) => entries[0]) }).toEqual({
      status: 200,
      exported: [SUTRISNO_KK, WATI_KK].sort(),
      trail: [indexEntry(CASEWORKER, ['caseworker'], operation, SUTRISNO_KK), indexEntry(CASEWORKER, ['caseworker'], operation, WATI_KK)],
    });
  });

  it("when an auditor reads a person's trail, then `index` lists the index reads of the person's families only, newest first", async () => {
    await system.query('query OnlyRegsosek { households(filter: { inRegister: REGSOSEK }) { nodes { noKK } } }', {}, caseworker);

    const budi = await system.query(`query Trail { auditTrail(nik: "${BUDI.nik}") { nik index { subject organisation purpose roles operation noKK } } }`, {}, auditor);
    const wati = await system.query(`query Trail { auditTrail(nik: "${WATI.nik}") { nik index { operation noKK } } }`, {}, auditor);

    const { regions: _regions, ...who } = CASEWORKER;
    const caseworkerRead = { ...who, roles: ['caseworker'], operation: 'OnlyRegsosek', noKK: SUTRISNO_KK };
    const budiIndex = (budi.body.data?.['auditTrail'] as { index: { operation: string; noKK: string }[] }).index;
    expect({
      budi: budi.body,
      budiFamilies: [...new Set(budiIndex.map((entry) => entry.noKK))],
      budiOperations: budiIndex.map((entry) => entry.operation),
      wati: wati.body,
    }).toEqual({
      budi: { data: { auditTrail: { nik: BUDI.nik, index: expect.arrayContaining([caseworkerRead]) } } },
      budiFamilies: [SUTRISNO_KK],
      budiOperations: ['OnlyRegsosek', 'GET /export/households.csv?regionPrefix=31.72&desilMax=10', 'Poorest', 'FamiliesToVisit'],
      wati: {
        data: {
          auditTrail: {
            nik: WATI.nik,
            index: [
              { operation: 'GET /export/households.csv?regionPrefix=31.72&desilMax=10', noKK: WATI_KK },
              { operation: 'FamiliesToVisit', noKK: WATI_KK },
            ],
          },
        },
      },
    });
  });

  it('when an analyst looks a family up selecting only its No. KK, then the index answers that it is held, asking no register, and records that answer', async () => {
    system.resetQueryLog();

    const lookup = await system.query(`query Exists { household(noKK: "${WATI_KK}") { noKK } }`, {}, analyst);

    expect({ lookup, registerSql: system.sql, trail: await trailOf(ANALYST.subject, [WATI_KK]) }).toEqual({
      lookup: { status: 200, body: { data: { household: { noKK: maskIdentifier(WATI_KK) } } } },
      registerSql: { dtks: [], regsosek: [], p3ke: [], kemendes: [], bpjs: [], changes: [] },
      trail: [[indexEntry(ANALYST, ['analyst'], 'Exists', WATI_KK)]],
    });
  });

  it('when the index cannot record a read, then neither the listing nor the export is served, and a look-up is left to the registers, which record it', async () => {
    await system.indexSource.query(refuseInserts(kind));
    try {
      const listing = await system.query('query FamiliesToVisit { households { nodes { noKK } } }', {}, caseworker);
      const download = await fetch(`${origin}/export/households.csv`, { headers: { authorization: `Bearer ${caseworker}` } });
      system.resetQueryLog();
      const lookup = await system.query(`query Exists { household(noKK: "${WATI_KK}") { noKK } }`, {}, analyst);

      expect({
        listing,
        download: { status: download.status, body: await download.json() },
        lookup,
        registersRecorded: REGISTERS.map((register) => system.sql[register].some((statement) => statement.includes('INSERT INTO') && statement.includes('audit_entry'))),
      }).toEqual({
        listing: {
          status: 200,
          body: {
            data: null,
            errors: [{ message: 'Internal server error', path: ['households'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(UUID) } }],
          },
        },
        download: { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', requestId: expect.stringMatching(UUID) } },
        lookup: { status: 200, body: { data: { household: { noKK: maskIdentifier(WATI_KK) } } } },
        // Only DTKS holds the Wati family.
        registersRecorded: [true, false, false, false, false],
      });
    } finally {
      await system.indexSource.query('DROP TRIGGER audit_entry_refused');
    }
  });

  // Last: it stops a register.
  it("when a register cannot be asked for the person's trail, then `index` fails naming it rather than answer a list that may be short", async () => {
    await system.stopSubgraph('p3ke');

    const response = await system.query(`query Trail { auditTrail(nik: "${BUDI.nik}") { index { noKK } } }`, {}, auditor);

    const unavailable = { message: 'The P3KE register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'P3KE' } };
    expect(response).toEqual({
      status: 200,
      body: { data: { auditTrail: null }, errors: [unavailable, { ...unavailable, path: ['auditTrail', 'index'] }] },
    });
  });
});
