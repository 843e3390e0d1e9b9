import { validProposal } from '../../subgraphs/changes/domain/proposal';
import type { ProposeChangeInput } from '../../subgraphs/changes/generated/resolvers-types';

const BASE = { noKK: '3172011506100001', channel: 'SIKS_NG' } as const;
const JOKO = { nik: '3172011505900001', name: 'Joko Santoso', sex: 'MALE', birthDate: '1990-05-15', relationship: 1 } as const;

function refusal(input: ProposeChangeInput): { message: string; argumentName: unknown } | null {
  try {
    validProposal(input);
    return null;
  } catch (error) {
    return { message: (error as Error).message, argumentName: (error as { extensions?: { argumentName?: unknown } }).extensions?.argumentName };
  }
}

describe('a proposal checked before it is stored', () => {
  it('when a new family names its village dotted, then the request holds the plain code as its payload and region, and the members as given', () => {
    expect(validProposal({ ...BASE, noKK: '3172010101270001', kind: 'USUL_BARU', newFamily: { villageCode: '31.72.01.1001', address: ' Jl. Muara Karang ', members: [JOKO] } })).toEqual({
      noKK: '3172010101270001',
      kind: 'USUL_BARU',
      channel: 'SIKS_NG',
      program: null,
      evidence: [],
      villageCode: '3172011001',
      payload: { type: 'NewFamilyPayload', villageCode: '3172011001', address: 'Jl. Muara Karang', members: [JOKO] },
    });
  });

  it.each<[string, ProposeChangeInput, { message: string; argumentName: string }]>([
    ['a payload of another kind', { ...BASE, kind: 'SANGGAH', objection: { ground: 'NOT_POOR', note: 'a car' }, programProposal: { motivation: 'x' } }, { message: 'input.programProposal does not belong to SANGGAH; give input.objection', argumentName: 'input.programProposal' }],
    ['no payload', { ...BASE, kind: 'HOUSEHOLD_UPDATE' }, { message: 'input.householdUpdate is required for HOUSEHOLD_UPDATE', argumentName: 'input.householdUpdate' }],
    ['a programme proposal without its programme', { ...BASE, kind: 'USUL_PROGRAM', programProposal: { motivation: 'poor' } }, { message: 'input.program is required for USUL_PROGRAM', argumentName: 'input.program' }],
    ['a programme on a member event', { ...BASE, kind: 'MEMBER_EVENT', program: 'PKH', memberEvent: { event: 'BIRTH', date: '2026-11-30', member: JOKO } }, { message: 'input.program does not belong to MEMBER_EVENT', argumentName: 'input.program' }],
    ['a village Kemendagri does not list', { ...BASE, kind: 'USUL_BARU', newFamily: { villageCode: '3172019999', address: 'x', members: [JOKO] } }, { message: 'input.newFamily.villageCode must be the code of a village Kemendagri lists, such as 31.71.01.1001', argumentName: 'input.newFamily.villageCode' }],
    ['a new family without its head', { ...BASE, kind: 'USUL_BARU', newFamily: { villageCode: '3172011001', address: 'x', members: [{ ...JOKO, relationship: 3 }] } }, { message: 'input.newFamily.members must hold the head (relationship 1)', argumentName: 'input.newFamily.members' }],
    ['a move without the village moved to', { ...BASE, kind: 'MEMBER_EVENT', memberEvent: { event: 'MOVE', date: '2026-11-30', member: JOKO } }, { message: 'input.memberEvent.toVillageCode is required for MOVE', argumentName: 'input.memberEvent.toVillageCode' }],
    ['a date that does not exist', { ...BASE, kind: 'MEMBER_EVENT', memberEvent: { event: 'DEATH', date: '2026-02-30', member: JOKO } }, { message: 'input.memberEvent.date must be a date as YYYY-MM-DD', argumentName: 'input.memberEvent.date' }],
    ['a field corrected twice', { ...BASE, kind: 'HOUSEHOLD_UPDATE', householdUpdate: { changes: [{ field: 'RT', value: '004' }, { field: 'RT', value: '005' }] } }, { message: 'input.householdUpdate.changes must name each field once', argumentName: 'input.householdUpdate.changes' }],
    ['a No. KK of 15 digits', { ...BASE, noKK: '317201150610000', kind: 'SANGGAH', objection: { ground: 'MOVED', note: 'gone' } }, { message: 'input.noKK must be 16 digits', argumentName: 'input.noKK' }],
  ])('when it carries %s, then it is refused naming the input field', (_case, input, expected) => {
    expect(refusal(input)).toEqual(expected);
  });
});
