import { BUDI, EVALUATION_DATE, SUTRISNO_KK, WATI, WORLD } from '../federated/fixtures';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const TRAIL = `query Trail($nik: String!) {
  auditTrail(nik: $nik) {
    nik
    dtks { subject organisation purpose roles operation noKK }
    regsosek { subject organisation purpose roles operation noKK }
    p3ke { subject organisation purpose roles operation noKK }
  }
}`;

describe('the audit trail of personal-data reads', () => {
  let system: RunningSystem;
  let auditor: string;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE });
    auditor = await testToken('auditor', { subject: 'dpo-1', organisation: 'Kemensos DPO', purpose: 'data subject access request' });
  });
  afterAll(() => system.stop());

  it("when a caseworker reads a family, then each register holding it records the read under every member's NIK, with who, why and which operation", async () => {
    const caseworker = await testToken('caseworker', { subject: 'worker-7', organisation: 'Dinas Sosial Jakarta Utara', purpose: 'home visit', regions: ['31.72'] });
    await system.query(`query CaseFile { household(noKK: "${SUTRISNO_KK}") { dtks { address } regsosek { address } p3ke { address } } }`, {}, caseworker);

    const response = await system.query(TRAIL, { nik: BUDI.nik }, auditor);

    const read = { subject: 'worker-7', organisation: 'Dinas Sosial Jakarta Utara', purpose: 'home visit', roles: ['caseworker'], operation: 'CaseFile', noKK: SUTRISNO_KK };
    expect(response.body).toEqual({
      data: {
        auditTrail: {
          nik: BUDI.nik,
          dtks: expect.arrayContaining([read]),
          regsosek: expect.arrayContaining([read]),
          p3ke: expect.arrayContaining([read]),
        },
      },
    });
  });

  it('when an analyst only asks for eligibility, then the register reads behind the computation are recorded too', async () => {
    const analyst = await testToken('analyst', { subject: 'planner-2', purpose: 'budget planning' });
    await system.query(`query Budget { household(noKK: "${SUTRISNO_KK}") { eligibility { program eligible } } }`, {}, analyst);

    const response = await system.query(TRAIL, { nik: BUDI.nik }, auditor);

    const read = { subject: 'planner-2', organisation: 'Test organisation', purpose: 'budget planning', roles: ['analyst'], operation: 'Budget', noKK: SUTRISNO_KK };
    const trail = response.body.data?.['auditTrail'] as Record<'dtks' | 'regsosek' | 'p3ke', unknown[]>;
    expect([trail.dtks, trail.regsosek, trail.p3ke]).toEqual([expect.arrayContaining([read]), expect.arrayContaining([read]), expect.arrayContaining([read])]);
  });

  it('when nobody has read a person, then the trail is empty, and reading it is itself recorded for the next reader', async () => {
    const first = await system.query(TRAIL, { nik: WATI.nik }, auditor);
    const second = await system.query(TRAIL, { nik: WATI.nik }, auditor);

    const ownRead = { subject: 'dpo-1', organisation: 'Kemensos DPO', purpose: 'data subject access request', roles: ['auditor'], operation: 'Trail', noKK: null };
    expect([first.body, second.body]).toEqual([
      { data: { auditTrail: { nik: WATI.nik, dtks: [], regsosek: [], p3ke: [] } } },
      { data: { auditTrail: { nik: WATI.nik, dtks: [ownRead], regsosek: [ownRead], p3ke: [ownRead] } } },
    ]);
  });

  it('when the trail is read, then the entries are newest first with their times', async () => {
    const response = await system.query(`{ auditTrail(nik: "${BUDI.nik}") { dtks { at } } }`, {}, auditor);

    const times = ((response.body.data?.['auditTrail'] as { dtks: { at: string }[] }).dtks).map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
  });
});
