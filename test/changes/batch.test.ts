// The period's batch: verified change requests written as register import files, imported with
// the ledger, resolved, shown on the household, and then APPLIED (docs/changes.md, "The batch").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { headerOf, rowsOf } from '../../common/import/format';
import type { Period } from '../../common/period';
import { importFile } from '../../import/import-file';
import { markApplied, runBatch, type BatchStores } from '../../subgraphs/changes/batch/run-batch';
import { storedSubgraphNamed } from '../../subgraphs/registry';
import { EVALUATION_DATE, SUTRISNO_KK, WATI_KK, WORLD } from '../federated/fixtures';
import { run } from '../support/main-process';
import { storeKinds } from '../support/stores';
import { startSystem, type GraphQLResponse, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const PROPOSE = `mutation ($input: ProposeChangeInput!, $key: String!) { proposeChange(input: $input, idempotencyKey: $key) { id } }`;
const SUBMIT = `mutation ($id: ID!, $key: String!) { submitChange(id: $id, idempotencyKey: $key) { id } }`;
const VERIFY = `mutation ($id: ID!, $key: String!) { verifyChange(id: $id, idempotencyKey: $key) { id state period } }`;
const LIST = `query ($filter: ChangeRequestFilter) { changeRequests(filter: $filter, first: 100) { nodes { id state history { from to actor { subject organisation } at reason } } } }`;
const HISTORY = `query ($noKK: String!) { household(noKK: $noKK) { history(last: 12) { period desil { value source } eligibility { program eligible } } } }`;
const HOUSEHOLD = `query ($noKK: String!) { household(noKK: $noKK) { sources members { nik name } } }`;

const PERIOD = '2026-12' as Period;
const JOKO_KK = '3172010101270001';
const PUTRI = { nik: '3172017011260005', name: 'Putri Sutrisno', sex: 'FEMALE', birthDate: '2026-11-30', relationship: 3 };

const DTKS_HEADER = 'no_kk,dtks_id,region_code,address,rt,rw,verification_status,verified_at,active,welfare_percentile,receipts,nik,name,sex,birth_date,relationship';
const SUTRISNO_DTKS = '3172011506100001,DTKS-0000001,3172011001,Jl. Pluit Raya No. 1,005,011,VERIFIED,2025-03-01,1,15,PKH:2023-01-01:ACTIVE:PREGNANT+EARLY_CHILDHOOD+PUPIL_SMP;BPNT:2022-06-01:ACTIVE:';

describe.each(storeKinds())('the period batch (%s)', (store) => {
  let system: RunningSystem;
  let now = new Date('2026-12-10T03:00:00Z');
  let caseworker: string;
  let verifier: string;
  let outDir: string;
  let stores: BatchStores;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    system = await startSystem({ store, data: WORLD, evaluationDate: EVALUATION_DATE, now: () => now });
    caseworker = await testToken('caseworker', { regions: ['31.72'], subject: 'caseworker-penjaringan', organisation: 'Dinsos Jakarta Utara' });
    verifier = await testToken('verifier', { regions: ['31.72'], subject: 'verifier-penjaringan', organisation: 'Dinsos Jakarta Utara' });
    outDir = mkdtempSync(path.join(tmpdir(), 'dtsen-batch-'));
    // The period before the batch, kept by the index for history to compare with.
    await system.resolve({ period: '2026-11' });
    stores = { changesUrl: system.storeUrls['changes'] as string, registerUrls: { dtks: system.storeUrls.dtks, regsosek: system.storeUrls.regsosek }, now: () => now };
  }, 120_000);
  afterAll(async () => {
    await system.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  const data = <T>(response: GraphQLResponse, field: string): T => {
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.[field] as T;
  };

  /** Proposed on the 10th, submitted on the 11th, verified at `verifiedAt`: in the period 2026-12. */
  async function verified(name: string, input: object, verifiedAt: string): Promise<void> {
    now = new Date('2026-12-10T03:00:00Z');
    const { id } = data<{ id: string }>(await system.query(PROPOSE, { input, key: `${name}-propose` }, caseworker), 'proposeChange');
    now = new Date('2026-12-11T03:00:00Z');
    data(await system.query(SUBMIT, { id, key: `${name}-submit` }, caseworker), 'submitChange');
    now = new Date(verifiedAt);
    expect(data(await system.query(VERIFY, { id, key: `${name}-verify` }, verifier), 'verifyChange')).toEqual({ id, state: 'VERIFIED', period: PERIOD });
    ids[name] = id;
  }

  it('when a period holds a birth, a household update, a new family, a death of someone not listed and a programme proposal, then the batch writes DTKS and Regsosek files with the changed families, leaves the death out with its reason and keeps the proposal for the programme\'s owner', async () => {
    await verified('birth', { noKK: SUTRISNO_KK, kind: 'MEMBER_EVENT', channel: 'SIKS_NG', memberEvent: { event: 'BIRTH', date: PUTRI.birthDate, member: PUTRI } }, '2026-12-12T04:00:00Z');
    await verified(
      'update',
      { noKK: SUTRISNO_KK, kind: 'HOUSEHOLD_UPDATE', channel: 'SIKS_NG', householdUpdate: { changes: [{ field: 'ADDRESS', value: 'Jl. Pluit Raya No. 1' }, { field: 'RT', value: '005' }, { field: 'FLOOR_AREA', value: '30' }] } },
      '2026-12-12T05:00:00Z',
    );
    await verified(
      'new-family',
      { noKK: JOKO_KK, kind: 'USUL_BARU', channel: 'CEK_BANSOS', newFamily: { villageCode: '31.72.01.1001', address: 'Jl. Muara Karang Blok L No. 3', members: [{ nik: '3172011505900001', name: 'Joko Santoso', sex: 'MALE', birthDate: '1990-05-15', relationship: 1 }] } },
      '2026-12-12T06:00:00Z',
    );
    await verified('death', { noKK: WATI_KK, kind: 'MEMBER_EVENT', channel: 'MUSDES', memberEvent: { event: 'DEATH', date: '2026-12-01', member: { nik: '3172011505500009', name: 'Slamet', sex: 'MALE', birthDate: '1950-05-15', relationship: 2 } } }, '2026-12-12T07:00:00Z');
    await verified('programme', { noKK: WATI_KK, kind: 'USUL_PROGRAM', channel: 'MUSDES', program: 'PKH', programProposal: { motivation: 'Wati cares for a grandchild' } }, '2026-12-12T08:00:00Z');
    now = new Date('2026-12-18T01:00:00Z');

    const report = await runBatch({ ...stores, period: PERIOD, outDir });

    const batchId = report.batchId as string;
    const dtksFile = path.join(outDir, `changes-2026-12-${batchId}-dtks.csv`);
    const regsosekFile = path.join(outDir, `changes-2026-12-${batchId}-regsosek.csv`);
    const regsosek = (await storedSubgraphNamed('regsosek').load()).importFormat;
    const sutrisnoRegsosek = WORLD.regsosek[0]!;
    const expectedRegsosek = stringify([headerOf(regsosek), ...rowsOf(regsosek, { ...sutrisnoRegsosek, housing: { ...sutrisnoRegsosek.housing, floorArea: 30 } })]);
    expect(readFileSync(dtksFile, 'utf8')).toBe(
      [
        DTKS_HEADER,
        '3172010101270001,USUL3172010101270001,3172011001,Jl. Muara Karang Blok L No. 3,000,000,VERIFIED,2026-12-12,1,,,3172011505900001,Joko Santoso,MALE,1990-05-15,1',
        `${SUTRISNO_DTKS},3172011203850001,Budi Sutrisno,MALE,1985-03-12,1`,
        `${SUTRISNO_DTKS},3172016008880002,Siti Aminah,FEMALE,1988-08-20,2`,
        `${SUTRISNO_DTKS},3172014502210003,Ayu,FEMALE,2021-02-05,3`,
        `${SUTRISNO_DTKS},3172017011100004,Dewi,FEMALE,2010-11-30,3`,
        `${SUTRISNO_DTKS},3172017011260005,Putri Sutrisno,FEMALE,2026-11-30,3`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(regsosekFile, 'utf8')).toBe(expectedRegsosek);
    expect({ ...report, files: report.files.map(({ checksum: _checksum, ...file }) => file) }).toEqual({
      applied: [],
      rejected: [],
      batchId,
      recorded: true,
      files: [
        { register: 'dtks', file: dtksFile, families: 2, rows: 6, requests: 3 },
        { register: 'regsosek', file: regsosekFile, families: 1, rows: 4, requests: 1 },
      ],
      leftOut: [{ id: ids['death'], kind: 'MEMBER_EVENT', reason: 'DTKS lists no member with this NIK in the family' }],
      forProgrammeOwner: [{ id: ids['programme'], kind: 'USUL_PROGRAM', program: 'PKH' }],
    });
  });

  it('when the batch runs again without new verified requests, then it writes the same files and records nothing new', async () => {
    const first = await runBatch({ ...stores, period: PERIOD, outDir });
    const second = await runBatch({ ...stores, period: PERIOD, outDir });

    expect([first.recorded, second.recorded, second.files]).toEqual([false, false, first.files]);
    const left = data<{ nodes: { id: string; history: { reason: string | null }[] }[] }>(await system.query(LIST, { filter: { period: PERIOD, state: 'VERIFIED' } }, caseworker), 'changeRequests').nodes;
    expect(left.find((node) => node.id === ids['death'])?.history.map((entry) => entry.reason)).toEqual([null, null, null, 'Left out of the 2026-12 batch: DTKS lists no member with this NIK in the family']);
  });

  it('when the files are imported and resolved, then the household shows the new member and the new family, its history both periods (the new family only the second), and the requests the imports applied become APPLIED with a history entry naming the file, audited', async () => {
    const report = await runBatch({ ...stores, period: PERIOD, outDir });
    for (const file of report.files) {
      const imported = await importFile({ register: file.register, file: file.file, storeUrl: system.storeUrls[file.register] as string, now: () => now });
      expect([imported.status, imported.checksum, imported.rowsRejected]).toEqual(['finished', file.checksum, 0]);
    }
    await system.resolve({ period: PERIOD });

    const sutrisno = data<{ members: { nik: string }[] }>(await system.query(HOUSEHOLD, { noKK: SUTRISNO_KK }, caseworker), 'household');
    const joko = data(await system.query(HOUSEHOLD, { noKK: JOKO_KK }, caseworker), 'household');
    expect(sutrisno.members.find((member) => member.nik === PUTRI.nik)).toEqual({ nik: PUTRI.nik, name: PUTRI.name });
    expect(joko).toEqual({ sources: ['DTKS'], members: [{ nik: '3172011505900001', name: 'Joko Santoso' }] });
    const histories = await Promise.all([SUTRISNO_KK, JOKO_KK].map(async (noKK) => data<{ history: unknown[] }>(await system.query(HISTORY, { noKK }, caseworker), 'household').history));
    const eligibility = (eligible: boolean) => ['PKH', 'BPNT', 'PBI_JK', 'PIP'].map((program) => ({ program, eligible })).concat({ program: 'BLT_DD', eligible: false });
    const sutrisnoThen = { desil: { value: 2, source: 'REGSOSEK' }, eligibility: eligibility(true) };
    // Joko's family is new in DTKS: no Regsosek ranking yet, so no desil and no programme.
    expect(histories).toEqual([
      [
        { period: '2026-11', ...sutrisnoThen },
        { period: '2026-12', ...sutrisnoThen },
      ],
      [{ period: '2026-12', desil: null, eligibility: eligibility(false) }],
    ]);

    now = new Date('2026-12-20T02:00:00Z');
    const applied = await markApplied(stores);
    const dtksName = path.basename(report.files[0]!.file);
    const regsosekName = path.basename(report.files[1]!.file);
    expect(applied).toEqual({
      rejected: [],
      applied: [
        { id: ids['birth'], files: [dtksName] },
        { id: ids['update'], files: [dtksName, regsosekName] },
        { id: ids['new-family'], files: [dtksName] },
      ].sort((a, b) => (a.id as string).localeCompare(b.id as string)),
    });
    const requests = data<{ nodes: { id: string; state: string; history: { to: string; actor: object; at: string; reason: string | null }[] }[] }>(
      await system.query(LIST, { filter: { period: PERIOD } }, caseworker),
      'changeRequests',
    ).nodes;
    expect(Object.fromEntries(requests.map((node) => [node.id, node.state]))).toEqual({
      [ids['birth'] as string]: 'APPLIED',
      [ids['update'] as string]: 'APPLIED',
      [ids['new-family'] as string]: 'APPLIED',
      [ids['death'] as string]: 'VERIFIED',
      [ids['programme'] as string]: 'VERIFIED',
    });
    const trail = data<{ changes: { at: string; subject: string; organisation: string; operation: string | null; noKK: string | null }[] }>(
      await system.query('query ($nik: String!) { auditTrail(nik: $nik) { changes { at subject organisation operation noKK } } }', { nik: PUTRI.nik }, await testToken('auditor')),
      'auditTrail',
    ).changes;
    expect(trail.filter((entry) => entry.subject === 'import')).toEqual([{ at: '2026-12-20T02:00:00.000Z', subject: 'import', organisation: 'DTSEN', operation: 'applyChange', noKK: SUTRISNO_KK }]);
    const birth = requests.find((node) => node.id === ids['birth']);
    const update = requests.find((node) => node.id === ids['update']);
    expect(update?.history.at(-1)?.reason).toBe(`Applied by the dtks import of ${dtksName}, finished 2026-12-18T01:00:00.000Z; the regsosek import of ${regsosekName}, finished 2026-12-18T01:00:00.000Z`);
    expect(birth?.history.at(-1)).toEqual({
      from: 'VERIFIED',
      to: 'APPLIED',
      actor: { subject: 'import', organisation: 'DTSEN' },
      at: '2026-12-20T02:00:00.000Z',
      reason: `Applied by the dtks import of ${dtksName}, finished 2026-12-18T01:00:00.000Z`,
    });
  });

  it('when `npm run changes -- batch` runs after the imports, then it prints the left-out request with its reason and the proposal for the programme\'s owner, writes no file, records nothing and keeps no second history entry', async () => {
    const command = run('subgraphs/changes/batch/cli.ts', { CHANGES_DATABASE_URL: stores.changesUrl, DTKS_DATABASE_URL: system.storeUrls.dtks, REGSOSEK_DATABASE_URL: system.storeUrls.regsosek }, ['batch', '--period', PERIOD, '--out', outDir]);

    expect([await command.exited, command.output()]).toEqual([
      0,
      [
        `Left out ${ids['death']} (MEMBER_EVENT): DTKS lists no member with this NIK in the family`,
        `Not in a register file ${ids['programme']} (USUL_PROGRAM PKH): a decision for the programme's owner`,
        'No verified request of 2026-12 changes a register; no file written',
        '',
      ].join('\n'),
    ]);
    const death = data<{ nodes: { id: string; history: unknown[] }[] }>(await system.query(LIST, { filter: { period: PERIOD, state: 'VERIFIED' } }, caseworker), 'changeRequests').nodes.find((node) => node.id === ids['death']);
    expect(death?.history).toHaveLength(4);
  }, 60_000);
});
