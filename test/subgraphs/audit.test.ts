import type { AuditRecord } from '../../common/store/audit-records';
import { locationOf } from '../common/http-client';
import { captureLogs } from '../support/log-capture';
import { testPrincipal } from '../support/principals';
import { storeKinds } from '../support/stores';
import { GAMBIR, PENJARINGAN } from './fixtures';
import { REGISTER_CASES, type RegisterCase } from './registers';
import { auditTrail, entitiesQuery, household, person, serveRegister } from './served-register';
import { kk, nik } from './store-harness';

/** The request id a subgraph makes for a request that came without one. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const cases = REGISTER_CASES.flatMap((registerCase) =>
  storeKinds().map((kind) => [registerCase.register, kind, registerCase] as [string, typeof kind, RegisterCase]),
);

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A trail's entries in a stable order, for reads recorded in the same request. */
const byNoKK = (entries: readonly AuditRecord[]) => [...entries].sort((a, b) => (a.noKK ?? '').localeCompare(b.noKK ?? ''));

describe.each(cases)('%s audit trail (%s store)', (register, kind, registerCase) => {
  const north = registerCase.family(kk(1), PENJARINGAN, [nik(1), nik(2)]);
  const central = registerCase.family(kk(2), GAMBIR, [nik(3), nik(4)]);
  const served = serveRegister(kind, registerCase, { batches: [[north, central]], per: 'each' });
  const caseworker = testPrincipal('caseworker', { purpose: 'PKH case review', operation: 'HouseholdCard', organisation: 'Dinsos DKI' });
  const trailQuery = entitiesQuery(`... on AuditTrail { nik ${register} { at subject organisation purpose roles operation requestId noKK } }`);

  it('when a family and a person are read, then the trail gets one entry per member NIK with the No. KK and one for the person, saying who, for what and by which operation', async () => {
    const query = entitiesQuery(`... on Household { ${register} { noKK } ${register}Input { noKK } } ... on Person { ${register}Records { nik } }`);

    const answer = await served().post(caseworker, query, { representations: [household(kk(2)), person(nik(3))] });
    const [third, fourth] = await served().repository.auditTrailByNiks([nik(3), nik(4)]);

    const entry = (entryNik: string, noKK: string | null) => ({
      at: expect.stringMatching(ISO_INSTANT),
      subject: 'test-caseworker',
      organisation: 'Dinsos DKI',
      purpose: 'PKH case review',
      roles: ['caseworker'],
      operation: 'HouseholdCard',
      requestId: expect.stringMatching(UUID),
      nik: entryNik,
      noKK,
    });
    expect({ status: answer.status, third: byNoKK(third ?? []), fourth }).toEqual({
      status: 200,
      third: [entry(nik(3), null), entry(nik(3), kk(2))],
      fourth: [entry(nik(4), kk(2))],
    });
  });

  it('when a read is refused or finds nothing, then nothing is recorded', async () => {
    const query = entitiesQuery(`... on Household { ${register} { noKK } } ... on Person { ${register}Records { nik } }`);

    await served().post(caseworker, query, { representations: [household(kk(1)), household(kk(77)), person(nik(1)), person(nik(77))] });
    const [count] = await served().dataSource.query('SELECT COUNT(*) AS count FROM audit_entry');

    expect(Number(count.count)).toBe(0);
  });

  it('when the stored trail is updated or deleted, then the store refuses and the entries stay', async () => {
    const entry: AuditRecord = {
      at: '2026-01-05T08:00:00.000Z',
      subject: 'someone',
      organisation: 'Somewhere',
      purpose: 'a purpose',
      roles: ['analyst'],
      operation: null,
      requestId: null,
      nik: nik(3),
      noKK: kk(2),
    };
    await served().repository.appendAudit([entry]);
    const { dataSource } = served();

    const update = await dataSource.query("UPDATE audit_entry SET subject = 'nobody'").then(() => 'applied', (error: Error) => error.message);
    const remove = await dataSource.query('DELETE FROM audit_entry').then(() => 'applied', (error: Error) => error.message);

    expect({
      update: update.includes('audit_entry is append-only'),
      remove: remove.includes('audit_entry is append-only'),
      trail: await served().repository.auditTrailByNiks([nik(3)]),
    }).toEqual({ update: true, remove: true, trail: [[entry]] });
  });

  it("when an auditor reads a NIK's trail, then entries come newest first, and the read itself is recorded", async () => {
    const read = (at: string, subject: string): AuditRecord => ({
      at,
      subject,
      organisation: 'Kemensos',
      purpose: 'verification',
      roles: ['analyst'],
      operation: 'Lookup',
      requestId: 'lookup-1',
      nik: nik(3),
      noKK: kk(2),
    });
    await served().repository.appendAudit([read('2026-02-01T09:30:00.000Z', 'newer'), read('2026-01-01T09:30:00.000Z', 'older')]);
    const auditor = testPrincipal('auditor', { purpose: 'data subject request', operation: 'Trail' });

    const first = await served().post(auditor, trailQuery, { representations: [auditTrail(nik(3))] });
    const second = await served().post(auditor, trailQuery, { representations: [auditTrail(nik(3))] });

    const shown = ({ nik: _nik, ...entry }: AuditRecord) => entry;
    const auditorRead = {
      at: expect.stringMatching(ISO_INSTANT),
      subject: 'test-auditor',
      organisation: 'Test organisation',
      purpose: 'data subject request',
      roles: ['auditor'],
      operation: 'Trail',
      requestId: expect.stringMatching(UUID),
      noKK: null,
    };
    const older = shown(read('2026-01-01T09:30:00.000Z', 'older'));
    const newer = shown(read('2026-02-01T09:30:00.000Z', 'newer'));
    expect([first, second]).toEqual([
      { status: 200, body: { data: { _entities: [{ nik: nik(3), [register]: [newer, older] }] } } },
      { status: 200, body: { data: { _entities: [{ nik: nik(3), [register]: [auditorRead, newer, older] }] } } },
    ]);
  });

  it('when someone without the audit scope reads a trail, then it is FORBIDDEN', async () => {
    const answer = await served().post(caseworker, trailQuery, { representations: [auditTrail(nik(3))] });

    expect(answer).toEqual({
      status: 200,
      body: {
        data: { _entities: [null] },
        errors: [
          {
            message: 'Reading the audit trail needs the audit scope',
            locations: [locationOf(trailQuery, `${register} {`)],
            path: ['_entities', 0, register],
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      },
    });
  });
});

describe.each(cases)('%s subgraph whose audit trail cannot be written (%s store)', (register, kind, registerCase) => {
  const logs = captureLogs();
  const served = serveRegister(kind, registerCase, {
    batches: [[registerCase.family(kk(2), GAMBIR, [nik(3)])]],
    per: 'all',
    wrap: (repository) => ({ ...repository, appendAudit: () => Promise.reject(new Error('ER_LOCK_WAIT_TIMEOUT on audit_entry')) }),
    logger: logs.loggerFor(register),
  });

  it('when personal data was read, then the response is withheld as an internal error naming the request, and the failure is logged with it', async () => {
    const query = entitiesQuery(`... on Household { ${register} { members { nik name } } }`);

    const answer = await served().post(testPrincipal('indexer'), query, { representations: [household(kk(2))] });

    const requestId = (answer.body as { errors: { extensions: { requestId: string } }[] }).errors[0]?.extensions.requestId;
    const logged = logs
      .lines()
      .filter((line) => line.level === 'error')
      .map((line) => [line.service, line.requestId, line.msg, (line['err'] as { message: string }).message]);
    expect({ answer, logged }).toEqual({
      answer: {
        status: 500,
        body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(UUID) } }] },
      },
      logged: [
        [register, requestId, 'audit trail write failed; the response is withheld', 'ER_LOCK_WAIT_TIMEOUT on audit_entry'],
        [register, requestId, 'POST /graphql 500 failed', 'failed with status code 500'],
      ],
    });
  });
});
