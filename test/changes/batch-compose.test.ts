// How the batch composes a period's verified requests onto the registers' records, without a store.
import type { AnyImportFormat } from '../../common/import/format';
import { composeBatch, type RegisterView, type VerifiedRequest } from '../../subgraphs/changes/batch/compose';
import { cellsOf } from '../../subgraphs/changes/batch/family-cells';
import type { ChangePayloadRecord, ChangeRequestRecord } from '../../subgraphs/changes/records';
import { storedSubgraphNamed } from '../../subgraphs/registry';
import { BUDI, SUTRISNO_KK, UNKNOWN_KK, WATI, WATI_KK, WORLD } from '../federated/fixtures';

const context = { today: new Date('2026-12-20T00:00:00Z') };
let views: Record<string, RegisterView>;

beforeAll(async () => {
  const view = async (name: 'dtks' | 'regsosek'): Promise<RegisterView> => {
    const format: AnyImportFormat = (await storedSubgraphNamed(name).load()).importFormat;
    return { format, stored: new Map(WORLD[name].map((family) => [family.noKK, cellsOf(format, family)])) };
  };
  views = { dtks: await view('dtks'), regsosek: await view('regsosek') };
});

function request(id: string, noKK: string, payload: ChangePayloadRecord, verifiedAt: string): VerifiedRequest {
  const kinds = { NewFamilyPayload: 'USUL_BARU', ProgramProposalPayload: 'USUL_PROGRAM', ObjectionPayload: 'SANGGAH', MemberEventPayload: 'MEMBER_EVENT', HouseholdUpdatePayload: 'HOUSEHOLD_UPDATE' } as const;
  const record: ChangeRequestRecord = {
    id,
    noKK,
    kind: kinds[payload.type],
    channel: 'SIKS_NG',
    program: null,
    regionCode: '3172011001',
    payload,
    evidence: [],
    state: 'VERIFIED',
    period: '2026-12',
    proposedBy: { subject: 'caseworker', organisation: 'Dinsos' },
    createdAt: '2026-12-10T00:00:00.000Z',
    updatedAt: verifiedAt,
  };
  return { record, verifiedAt };
}

const update = (field: 'ADDRESS' | 'RT' | 'FLOOR_AREA', value: string): ChangePayloadRecord => ({ type: 'HouseholdUpdatePayload', changes: [{ field, value }] });
const event = (kind: 'BIRTH' | 'DEATH' | 'MOVE', member: typeof BUDI): ChangePayloadRecord => ({ type: 'MemberEventPayload', event: kind, member: { ...member, sex: member.sex as 'MALE' | 'FEMALE' }, date: '2026-12-01', toVillageCode: kind === 'MOVE' ? '3172011002' : null });

describe('composing a period batch', () => {
  it('when two updates of one family are verified in the opposite order of their ids, then the one verified last wins', () => {
    const composition = composeBatch(
      [request('b', SUTRISNO_KK, update('ADDRESS', 'Jl. Kedua'), '2026-12-12T05:00:00Z'), request('a', SUTRISNO_KK, update('ADDRESS', 'Jl. Ketiga'), '2026-12-12T06:00:00Z')],
      views,
      context,
    );

    expect(composition.files.map((file) => ({ register: file.register, addresses: file.families.map((family) => family.family['address']), requestIds: file.requestIds }))).toEqual([
      { register: 'dtks', addresses: ['Jl. Ketiga'], requestIds: ['a', 'b'] },
    ]);
  });

  it('when requests no longer apply or would be refused by the register\'s format, then each is left out with its reason and the later ones still apply', () => {
    const composition = composeBatch(
      [
        request('1', UNKNOWN_KK, update('ADDRESS', 'Jl. Baru'), '2026-12-12T01:00:00Z'),
        request('2', WATI_KK, event('DEATH', WATI), '2026-12-12T02:00:00Z'),
        request('3', SUTRISNO_KK, event('BIRTH', BUDI), '2026-12-12T03:00:00Z'),
        request('4', SUTRISNO_KK, { type: 'NewFamilyPayload', villageCode: '3172011001', address: 'Jl. Lain', members: [{ ...BUDI, sex: 'MALE' }] }, '2026-12-12T04:00:00Z'),
        request('5', SUTRISNO_KK, update('RT', '5'), '2026-12-12T05:00:00Z'),
        request('6', WATI_KK, update('FLOOR_AREA', '30'), '2026-12-12T06:00:00Z'),
        request('7', SUTRISNO_KK, update('FLOOR_AREA', 'luas'), '2026-12-12T07:00:00Z'),
        request('8', SUTRISNO_KK, event('MOVE', BUDI), '2026-12-12T08:00:00Z'),
        request('9', SUTRISNO_KK, { type: 'ObjectionPayload', program: 'PKH', ground: 'NOT_POOR', note: 'owns a car' }, '2026-12-12T09:00:00Z'),
      ],
      views,
      context,
    );

    expect({ ...composition, files: composition.files.map((file) => ({ register: file.register, members: file.families.map((family) => family.members.map((member) => member['nik'])), requestIds: file.requestIds })) }).toEqual({
      files: [{ register: 'dtks', members: [['3172016008880002', '3172014502210003', '3172017011100004']], requestIds: ['8'] }],
      leftOut: [
        { request: expect.objectContaining({ id: '1' }), reason: 'DTKS holds no family with this No. KK' },
        { request: expect.objectContaining({ id: '2' }), reason: "this member is the family's last in DTKS; an import cannot write a family without members, so DTKS must close the family itself" },
        { request: expect.objectContaining({ id: '3' }), reason: 'DTKS already lists this NIK in the family' },
        { request: expect.objectContaining({ id: '4' }), reason: 'DTKS already holds a family with this No. KK; propose its changes as member events or household updates' },
        { request: expect.objectContaining({ id: '5' }), reason: 'DTKS would refuse the changed family: rt must be 3 digits, got "5"' },
        { request: expect.objectContaining({ id: '6' }), reason: 'Regsosek holds no family with this No. KK' },
        { request: expect.objectContaining({ id: '7' }), reason: 'Regsosek would refuse the changed family: floor_area must be a whole number from 0 to 100000, got "luas"' },
      ],
      forProgrammeOwner: [expect.objectContaining({ id: '9' })],
    });
  });
});
