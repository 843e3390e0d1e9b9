// Change requests (usul and sanggah) through the gateway: proposal, submission into a period,
// verification, idempotent retries, who may do what, and what each reader sees of them.
import { maskAddress, maskBirthDate, maskIdentifier, maskName } from '../../common/auth/masking';
import { EVALUATION_DATE, SUTRISNO_KK, WATI_KK, WORLD } from '../federated/fixtures';
import { EXPECTED_CLASSES } from '../schema/disclosure-expected';
import { storeKinds } from '../support/stores';
import { startSystem, type GraphQLResponse, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

const REQUEST_FIELDS = `id noKK kind channel program regionCode state period evidence createdAt updatedAt
  proposedBy { subject organisation }
  history { from to actor { subject organisation } at reason }
  payload {
    __typename
    ... on ProgramProposalPayload { program motivation }
    ... on ObjectionPayload { objectionProgram: program ground note }
    ... on NewFamilyPayload { villageCode address members { nik name sex birthDate relationship } }
  }`;

const PROPOSE = `mutation Propose($input: ProposeChangeInput!, $key: String!) { proposeChange(input: $input, idempotencyKey: $key) { ${REQUEST_FIELDS} } }`;
const SUBMIT = `mutation Submit($id: ID!, $key: String!) { submitChange(id: $id, idempotencyKey: $key) { ${REQUEST_FIELDS} } }`;
const VERIFY = `mutation Verify($id: ID!, $key: String!) { verifyChange(id: $id, idempotencyKey: $key) { ${REQUEST_FIELDS} } }`;
const CANCEL = `mutation Cancel($id: ID!, $reason: String!, $key: String!) { cancelChange(id: $id, reason: $reason, idempotencyKey: $key) { id state } }`;
const REJECT = `mutation Reject($id: ID!, $reason: String!, $key: String!) { rejectChange(id: $id, reason: $reason, idempotencyKey: $key) { id state } }`;
const LIST = `query List($filter: ChangeRequestFilter) { changeRequests(filter: $filter, first: 100) { totalCount nodes { id noKK program state } } }`;

const PENJARINGAN_CASEWORKER = { subject: 'caseworker-penjaringan', organisation: 'Dinsos Jakarta Utara' };
const PENJARINGAN_VERIFIER = { subject: 'verifier-penjaringan', organisation: 'Dinsos Jakarta Utara' };

const pkhProposal = (motivation: string) => ({
  noKK: SUTRISNO_KK,
  kind: 'USUL_PROGRAM',
  channel: 'MUSDES',
  program: 'PKH',
  evidence: ['musdes:2026-12/berita-acara-7'],
  programProposal: { motivation },
});

const NEW_FAMILY = {
  noKK: '3172010101270001',
  kind: 'USUL_BARU',
  channel: 'CEK_BANSOS',
  newFamily: {
    villageCode: '31.72.01.1001',
    address: 'Jl. Muara Karang Blok L No. 3',
    members: [{ nik: '3172011505900001', name: 'Joko Santoso', sex: 'MALE', birthDate: '1990-05-15', relationship: 1 }],
  },
};

describe.each(storeKinds())('change requests (%s)', (store) => {
  let system: RunningSystem;
  let now = new Date('2026-12-10T03:00:00Z');
  let caseworker: string;
  let verifier: string;
  beforeAll(async () => {
    system = await startSystem({ store, data: WORLD, evaluationDate: EVALUATION_DATE, now: () => now });
    caseworker = await testToken('caseworker', { regions: ['31.72'], ...PENJARINGAN_CASEWORKER });
    verifier = await testToken('verifier', { regions: ['31.72'], ...PENJARINGAN_VERIFIER });
  }, 120_000);
  afterAll(() => system.stop());

  const data = <T>(response: GraphQLResponse, field: string): T => {
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.[field] as T;
  };
  const errorsOf = (response: GraphQLResponse) => response.body.errors?.map((error) => ({ message: error['message'], code: (error['extensions'] as { code?: string } | undefined)?.code }));

  async function proposed(input: object, key: string, token = caseworker): Promise<{ id: string }> {
    return data(await system.query(PROPOSE, { input, key }, token), 'proposeChange');
  }

  it('when a caseworker proposes a family for PKH, submits it and a verifier of the region verifies it, then the request is VERIFIED in the period of its submission with its whole history', async () => {
    now = new Date('2026-12-10T03:00:00Z');
    const draft = await proposed(pkhProposal('Budi lost his work; four members, one a toddler'), 'flow-propose');
    now = new Date('2026-12-11T02:00:00Z');
    await system.query(SUBMIT, { id: draft.id, key: 'flow-submit' }, caseworker);
    now = new Date('2026-12-12T04:30:00Z');
    const verified = data(await system.query(VERIFY, { id: draft.id, key: 'flow-verify' }, verifier), 'verifyChange');

    const caseworkerActor = { subject: PENJARINGAN_CASEWORKER.subject, organisation: PENJARINGAN_CASEWORKER.organisation };
    const verifierActor = { subject: PENJARINGAN_VERIFIER.subject, organisation: PENJARINGAN_VERIFIER.organisation };
    expect(verified).toEqual({
      id: draft.id,
      noKK: SUTRISNO_KK,
      kind: 'USUL_PROGRAM',
      channel: 'MUSDES',
      program: 'PKH',
      regionCode: '3172011001',
      state: 'VERIFIED',
      period: '2026-12',
      evidence: ['musdes:2026-12/berita-acara-7'],
      createdAt: '2026-12-10T03:00:00.000Z',
      updatedAt: '2026-12-12T04:30:00.000Z',
      proposedBy: caseworkerActor,
      history: [
        { from: null, to: 'DRAFT', actor: caseworkerActor, at: '2026-12-10T03:00:00.000Z', reason: null },
        { from: 'DRAFT', to: 'SUBMITTED', actor: caseworkerActor, at: '2026-12-11T02:00:00.000Z', reason: null },
        { from: 'SUBMITTED', to: 'VERIFIED', actor: verifierActor, at: '2026-12-12T04:30:00.000Z', reason: null },
      ],
      payload: { __typename: 'ProgramProposalPayload', program: 'PKH', motivation: 'Budi lost his work; four members, one a toddler' },
    });
    const listed = await system.query(`query ($noKK: String!) { household(noKK: $noKK) { changeRequests { id state period } } }`, { noKK: SUTRISNO_KK }, caseworker);
    expect(data<{ changeRequests: unknown[] }>(listed, 'household').changeRequests).toContainEqual({ id: draft.id, state: 'VERIFIED', period: '2026-12' });
  });

  it('when requests are submitted on the cut-off day and just after it (WIB), then the first lands in this period and the second in the next', async () => {
    now = new Date('2026-12-13T00:00:00Z');
    const onTheDay = await proposed(pkhProposal('submitted on the 17th'), 'cutoff-on-propose');
    const afterIt = await proposed(pkhProposal('submitted on the 18th'), 'cutoff-after-propose');
    // 23:59 on 17 December in Jakarta, and 00:30 on the 18th.
    now = new Date('2026-12-17T16:59:00Z');
    const first = data<{ period: string }>(await system.query(SUBMIT, { id: onTheDay.id, key: 'cutoff-on-submit' }, caseworker), 'submitChange');
    now = new Date('2026-12-17T17:30:00Z');
    const second = data<{ period: string }>(await system.query(SUBMIT, { id: afterIt.id, key: 'cutoff-after-submit' }, caseworker), 'submitChange');

    expect([first.period, second.period]).toEqual(['2026-12', '2027-01']);
  });

  it('when a proposal is retried with the same idempotency key, then it returns the same request and stores no second one; the key with another input is refused with CONFLICT', async () => {
    const count = async () => data<{ totalCount: number }>(await system.query(LIST, { filter: { program: 'PIP' } }, caseworker), 'changeRequests').totalCount;
    const input = { ...pkhProposal('school fees'), program: 'PIP' };
    const first = await proposed(input, 'retried-key');
    const retried = await proposed(input, 'retried-key');
    const submitted = await system.query(SUBMIT, { id: first.id, key: 'retried-submit' }, caseworker);
    const submittedAgain = await system.query(SUBMIT, { id: first.id, key: 'retried-submit' }, caseworker);
    const otherInput = await system.query(PROPOSE, { input: { ...input, programProposal: { motivation: 'another' } }, key: 'retried-key' }, caseworker);

    expect(retried).toEqual(first);
    expect(await count()).toBe(1);
    expect(submittedAgain.body).toEqual(submitted.body);
    expect({ data: otherInput.body.data, errors: errorsOf(otherInput) }).toEqual({
      data: null,
      errors: [{ message: 'idempotencyKey was used before for another change; use a new key for a new change', code: 'CONFLICT' }],
    });
  });

  it('when two retries of one proposal arrive at once, then one request is stored and both are answered with it', async () => {
    const input = { ...pkhProposal('sent twice at once'), program: 'BPNT', noKK: WATI_KK };
    const [first, second] = await Promise.all([system.query(PROPOSE, { input, key: 'concurrent-key' }, caseworker), system.query(PROPOSE, { input, key: 'concurrent-key' }, caseworker)]);
    const listed = data<{ nodes: { id: string }[] }>(await system.query(LIST, { filter: { program: 'BPNT', kind: 'USUL_PROGRAM' } }, caseworker), 'changeRequests');

    expect(second.body).toEqual(first.body);
    expect(listed.nodes.map((node) => node.id)).toEqual([data<{ id: string }>(first, 'proposeChange').id]);
  });

  it('when a step does not fit the state or the actor, then it is refused with a code and the request keeps its state; a rejection keeps its reason', async () => {
    const other = await testToken('caseworker', { regions: ['31.72'], subject: 'another-caseworker', organisation: PENJARINGAN_CASEWORKER.organisation });
    const draft = await proposed(pkhProposal('steps'), 'steps-propose');
    const verifyDraft = await system.query(VERIFY, { id: draft.id, key: 'steps-verify-draft' }, verifier);
    const cancelByOther = await system.query(CANCEL, { id: draft.id, reason: 'not mine', key: 'steps-cancel-other' }, other);
    const blankReason = await system.query(CANCEL, { id: draft.id, reason: '  ', key: 'steps-cancel-blank' }, caseworker);
    await system.query(SUBMIT, { id: draft.id, key: 'steps-submit' }, caseworker);
    const rejected = await system.query(REJECT, { id: draft.id, reason: 'Budi works at the harbour since November', key: 'steps-reject' }, verifier);
    const cancelRejected = await system.query(CANCEL, { id: draft.id, reason: 'too late', key: 'steps-cancel-late' }, caseworker);
    const history = await system.query(`query ($noKK: String!) { household(noKK: $noKK) { changeRequests { id history { from to reason } } } }`, { noKK: SUTRISNO_KK }, caseworker);
    const codes = (response: GraphQLResponse) => response.body.errors?.map((error) => ({ message: error['message'], extensions: error['extensions'] }));

    expect([verifyDraft, cancelByOther, blankReason, cancelRejected].map(codes)).toEqual([
      [{ message: 'A DRAFT change request cannot be verified', extensions: { code: 'INVALID_STATE_TRANSITION', state: 'DRAFT' } }],
      [{ message: 'Only its proposer may cancel a change request', extensions: { code: 'FORBIDDEN' } }],
      [{ message: 'reason must be 1 to 500 characters', extensions: { code: 'BAD_USER_INPUT', argumentName: 'reason' } }],
      [{ message: 'A REJECTED change request cannot be cancelled', extensions: { code: 'INVALID_STATE_TRANSITION', state: 'REJECTED' } }],
    ]);
    expect(data(rejected, 'rejectChange')).toEqual({ id: draft.id, state: 'REJECTED' });
    expect(data<{ changeRequests: { id: string }[] }>(history, 'household').changeRequests.find((request) => request.id === draft.id)).toEqual({
      id: draft.id,
      history: [
        { from: null, to: 'DRAFT', reason: null },
        { from: 'DRAFT', to: 'SUBMITTED', reason: null },
        { from: 'SUBMITTED', to: 'REJECTED', reason: 'Budi works at the harbour since November' },
      ],
    });
  });

  it('when a principal who is both caseworker and verifier verifies its own proposal, then it is FORBIDDEN and the request stays SUBMITTED', async () => {
    const both = await testToken(['caseworker', 'verifier'], { regions: ['31.72'], subject: 'both-hats', organisation: 'Dinsos Jakarta Utara' });
    const own = await proposed(pkhProposal('my own'), 'self-propose', both);
    await system.query(SUBMIT, { id: own.id, key: 'self-submit' }, both);
    const verified = await system.query(VERIFY, { id: own.id, key: 'self-verify' }, both);
    const rejected = await system.query(REJECT, { id: own.id, reason: 'not mine to judge', key: 'self-reject' }, both);

    expect([errorsOf(verified), errorsOf(rejected)]).toEqual([
      [{ message: 'Nobody may verify their own proposal', code: 'FORBIDDEN' }],
      [{ message: 'Nobody may reject their own proposal', code: 'FORBIDDEN' }],
    ]);
    expect(data<{ nodes: { id: string; state: string }[] }>(await system.query(LIST, { filter: { program: 'PKH', state: 'SUBMITTED' } }, both), 'changeRequests').nodes).toContainEqual({ id: own.id, noKK: SUTRISNO_KK, program: 'PKH', state: 'SUBMITTED' });
  });

  it('when a caseworker of Jakarta Pusat proposes for a Penjaringan family and a verifier of Jakarta Pusat verifies a Penjaringan request, then both are FORBIDDEN', async () => {
    const pusatCaseworker = await testToken('caseworker', { regions: ['31.71'] });
    const pusatVerifier = await testToken('verifier', { regions: ['31.71'] });
    const outside = await system.query(PROPOSE, { input: pkhProposal('outside'), key: 'outside-propose' }, pusatCaseworker);
    const newOutside = await system.query(PROPOSE, { input: NEW_FAMILY, key: 'outside-new' }, pusatCaseworker);
    const inside = await proposed({ ...pkhProposal('inside'), noKK: WATI_KK }, 'inside-propose');
    await system.query(SUBMIT, { id: inside.id, key: 'inside-submit' }, caseworker);
    const verified = await system.query(VERIFY, { id: inside.id, key: 'outside-verify' }, pusatVerifier);

    expect([outside, newOutside, verified].map((response) => ({ data: response.body.data, errors: errorsOf(response) }))).toEqual([
      { data: null, errors: [{ message: 'The family is outside your regions', code: 'FORBIDDEN' }] },
      { data: null, errors: [{ message: 'This family is outside your regions', code: 'FORBIDDEN' }] },
      { data: null, errors: [{ message: 'This change request is outside your regions', code: 'FORBIDDEN' }] },
    ]);
  });

  it('when partners list change requests, then each sees only the requests of its programmes', async () => {
    await proposed({ noKK: WATI_KK, kind: 'SANGGAH', channel: 'CEK_BANSOS', program: 'BPNT', objection: { ground: 'NOT_POOR', note: 'owns two shops' } }, 'partner-bpnt');
    const bpnt = await testToken('partner', { programmes: ['BPNT'] });
    const pip = await testToken('partner', { programmes: ['PIP'] });
    const programmesSeen = async (token: string) => [...new Set(data<{ nodes: { program: string }[] }>(await system.query(LIST, {}, token), 'changeRequests').nodes.map((node) => node.program))];
    const refusedFilter = await system.query(LIST, { filter: { program: 'PKH' } }, bpnt);

    expect([await programmesSeen(bpnt), await programmesSeen(pip), data<{ totalCount: number }>(refusedFilter, 'changeRequests').totalCount]).toEqual([['BPNT'], ['PIP'], 0]);
  });

  it('when an analyst without the pii scope reads a proposed new family, then its No. KK, NIKs, names, birth dates and address are masked', async () => {
    const created = await proposed(NEW_FAMILY, 'masked-new');
    const analyst = await testToken('analyst');
    const response = await system.query(
      `query { changeRequests(filter: { kind: USUL_BARU }) { nodes { id noKK regionCode payload { ... on NewFamilyPayload { villageCode address members { nik name sex birthDate relationship } } } } } }`,
      {},
      analyst,
    );
    const member = NEW_FAMILY.newFamily.members[0]!;

    expect(data<{ nodes: unknown[] }>(response, 'changeRequests').nodes).toEqual([
      {
        id: created.id,
        noKK: maskIdentifier(NEW_FAMILY.noKK),
        regionCode: '3172011001',
        payload: {
          villageCode: '3172011001',
          address: maskAddress(NEW_FAMILY.newFamily.address),
          members: [{ nik: maskIdentifier(member.nik), name: maskName(member.name), sex: 'MALE', birthDate: maskBirthDate(member.birthDate), relationship: 1 }],
        },
      },
    ]);
  });

  it('when an analyst reads every personal field of the change requests of every kind, then each is the value a caseworker reads, masked as its class says', async () => {
    await proposed({ noKK: SUTRISNO_KK, kind: 'MEMBER_EVENT', channel: 'SIKS_NG', memberEvent: { event: 'BIRTH', date: '2026-11-30', member: { nik: '3172017011260005', name: 'Putri Sutrisno', sex: 'FEMALE', birthDate: '2026-11-30', relationship: 3 } } }, 'every-birth');
    const update = await proposed({ noKK: SUTRISNO_KK, kind: 'HOUSEHOLD_UPDATE', channel: 'SIKS_NG', householdUpdate: { changes: [{ field: 'ADDRESS', value: 'Jl. Pluit Raya No. 1' }, { field: 'FLOOR_AREA', value: '24' }] } }, 'every-update');
    await system.query(CANCEL, { id: update.id, reason: 'Budi asked to wait for the new KK', key: 'every-cancel' }, caseworker);
    const read = `query { changeRequests(first: 100) { nodes { id noKK history { reason } payload {
      ... on NewFamilyPayload { address members { nik name birthDate } }
      ... on ProgramProposalPayload { motivation }
      ... on ObjectionPayload { note }
      ... on MemberEventPayload { date member { nik name birthDate } }
      ... on HouseholdUpdatePayload { changes { value } } } } } }`;
    type Member = { nik: string; name: string; birthDate: string };
    type Node = { id: string; noKK: string; history: { reason: string | null }[]; payload: Record<string, unknown> };
    const full = data<{ nodes: Node[] }>(await system.query(read, {}, caseworker), 'changeRequests').nodes;
    const masked = data<{ nodes: Node[] }>(await system.query(read, {}, await testToken('analyst')), 'changeRequests').nodes;
    const member = (each: Member) => ({ nik: maskIdentifier(each.nik), name: maskName(each.name), birthDate: maskBirthDate(each.birthDate) });
    const text = (value: unknown) => (typeof value === 'string' ? maskAddress(value) : value);
    const maskedPayload = (payload: Record<string, unknown>): Record<string, unknown> => ({
      ...payload,
      ...('address' in payload && { address: maskAddress(payload['address'] as string), members: (payload['members'] as Member[]).map(member) }),
      ...('motivation' in payload && { motivation: text(payload['motivation']) }),
      ...('note' in payload && { note: text(payload['note']) }),
      ...('member' in payload && { date: maskBirthDate(payload['date'] as string), member: member(payload['member'] as Member) }),
      ...('changes' in payload && { changes: (payload['changes'] as { value: string }[]).map((change) => ({ value: maskAddress(change.value) })) }),
    });
    const covered = ['ChangeRequest.noKK', 'ChangeTransition.reason', 'NewFamilyPayload.address', 'ProposedMember.nik', 'ProposedMember.name', 'ProposedMember.birthDate', 'ProgramProposalPayload.motivation', 'ObjectionPayload.note', 'MemberEventPayload.date', 'FieldChange.value'];
    const changeTypes = ['ChangeRequest', 'ChangeTransition', 'ProposedMember', 'NewFamilyPayload', 'ProgramProposalPayload', 'ObjectionPayload', 'MemberEventPayload', 'FieldChange'];

    expect(Object.keys(EXPECTED_CLASSES).filter((coordinate) => changeTypes.includes(coordinate.split('.')[0] as string)).sort()).toEqual(covered.sort());
    expect(new Set(full.map((node) => Object.keys(node.payload).sort().join(','))).size).toBe(5);
    expect(full.flatMap((node) => node.history.filter((step) => step.reason !== null)).length).toBeGreaterThan(0);
    expect(masked).toEqual(
      full.map((node) => ({ ...node, noKK: maskIdentifier(node.noKK), history: node.history.map((step) => ({ reason: text(step.reason) })), payload: maskedPayload(node.payload) })),
    );
  });

  it('when a page of households selects their change requests and histories, then the changes store reads the requests in one query and their histories in one', async () => {
    await system.resolve();
    system.resetQueryLog();
    const response = await system.query('{ households(first: 10) { nodes { noKK changeRequests { id history { to } } } } }', {}, caseworker);
    const page = data<{ nodes: { noKK: string; changeRequests: unknown[] }[] }>(response, 'households').nodes;
    // SQLite quotes names with ", MariaDB with `.
    const reads = (table: string) => system.sql['changes']!.filter((statement) => statement.startsWith('SELECT') && [`FROM "${table}"`, `FROM \`${table}\``].some((from) => statement.includes(from))).length;

    expect(page.map((household) => [household.noKK, household.changeRequests.length > 0]).sort()).toEqual([[SUTRISNO_KK, true], [WATI_KK, true]]);
    expect({ requests: reads('change_request'), transitions: reads('change_transition') }).toEqual({ requests: 1, transitions: 1 });
  });

  it('when an auditor reads the trail of a NIK a proposal names, then it lists the proposal and each read of it, and its own reading is recorded too', async () => {
    const auditor = await testToken('auditor');
    const nik = NEW_FAMILY.newFamily.members[0]!.nik;
    const read = async () =>
      data<{ changes: { subject: string; operation: string | null; noKK: string | null }[] }>(
        await system.query('query Trail($nik: String!) { auditTrail(nik: $nik) { changes { subject operation noKK } } }', { nik }, auditor),
        'auditTrail',
      ).changes;
    const first = await read();
    const second = await read();
    const entry = (subject: string, operation: string | null) => ({ subject, operation, noKK: NEW_FAMILY.noKK });

    expect(first).toEqual(expect.arrayContaining([entry(PENJARINGAN_CASEWORKER.subject, 'proposeChange'), entry(PENJARINGAN_CASEWORKER.subject, 'Propose'), entry('test-analyst', null)]));
    expect(second).toEqual([entry('test-auditor', 'Trail'), ...first]);
  });
});
