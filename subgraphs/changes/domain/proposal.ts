import { badUserInput } from '../../../common/errors';
import { isSixteenDigits } from '../../../common/identifiers';
import type { Programme } from '../../../common/programmes';
import { findRegion, plainRegionCode } from '../../../common/regions';
import type { FieldChangeInput, ProposeChangeInput, ProposedMemberInput } from '../generated/resolvers-types';
import type { ChangeKind, ChangePayloadRecord, ProposedMemberRecord } from '../records';

/** A proposal as validated: what the request will hold but its region, id, state and times. */
export interface ValidProposal {
  readonly noKK: string;
  readonly kind: ChangeKind;
  readonly channel: ProposeChangeInput['channel'];
  readonly program: Programme | null;
  readonly payload: ChangePayloadRecord;
  readonly evidence: readonly string[];
  /** USUL_BARU: the village the payload names (10 digits), the request's region. Null: the registers say where the family lives. */
  readonly villageCode: string | null;
}

const PAYLOAD_FIELDS = {
  USUL_BARU: 'newFamily',
  USUL_PROGRAM: 'programProposal',
  SANGGAH: 'objection',
  MEMBER_EVENT: 'memberEvent',
  HOUSEHOLD_UPDATE: 'householdUpdate',
} as const satisfies Record<ChangeKind, keyof ProposeChangeInput>;

const MAX_EVIDENCE = 20;
const MAX_EVIDENCE_LENGTH = 200;
const MAX_TEXT = 500;
const MAX_MEMBERS = 30;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function text(value: string, argument: string, max = MAX_TEXT): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw badUserInput(`${argument} must be 1 to ${max} characters`, argument);
  return trimmed;
}

function date(value: string, argument: string): string {
  // A day the month lacks (02-30) parses as a later one: the date must come back as written.
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) throw badUserInput(`${argument} must be a date as YYYY-MM-DD`, argument);
  return value;
}

/** A village Kemendagri lists, as 10 digits; BAD_USER_INPUT naming `argument` otherwise. */
export function villageCode(value: string, argument: string): string {
  const plain = plainRegionCode(value);
  if (plain === null || plain.length !== 10 || findRegion(plain)?.level !== 'village') {
    throw badUserInput(`${argument} must be the code of a village Kemendagri lists, such as 31.71.01.1001`, argument);
  }
  return plain;
}

function member(input: ProposedMemberInput, argument: string): ProposedMemberRecord {
  if (!isSixteenDigits(input.nik)) throw badUserInput(`${argument}.nik must be 16 digits`, `${argument}.nik`);
  if (!Number.isInteger(input.relationship) || input.relationship < 1 || input.relationship > 8) {
    throw badUserInput(`${argument}.relationship must be 1 to 8`, `${argument}.relationship`);
  }
  return {
    nik: input.nik,
    name: text(input.name, `${argument}.name`, 100),
    sex: input.sex,
    birthDate: date(input.birthDate, `${argument}.birthDate`),
    relationship: input.relationship,
  };
}

function fieldChanges(changes: readonly FieldChangeInput[]): ChangePayloadRecord {
  if (changes.length === 0) throw badUserInput('input.householdUpdate.changes must name at least one field', 'input.householdUpdate.changes');
  const fields = new Set(changes.map((change) => change.field));
  if (fields.size !== changes.length) throw badUserInput('input.householdUpdate.changes must name each field once', 'input.householdUpdate.changes');
  return {
    type: 'HouseholdUpdatePayload',
    changes: changes.map((change, index) => ({ field: change.field, value: text(change.value, `input.householdUpdate.changes[${index}].value`, 255) })),
  };
}

/**
 * A proposal's input checked and shaped into its request: the No. KK, exactly the payload of its
 * kind, the programme where the kind takes one, the evidence references. BAD_USER_INPUT naming the
 * first input field that is wrong.
 */
export function validProposal(input: ProposeChangeInput): ValidProposal {
  if (!isSixteenDigits(input.noKK)) throw badUserInput('input.noKK must be 16 digits', 'input.noKK');
  const expected = PAYLOAD_FIELDS[input.kind];
  for (const field of Object.values(PAYLOAD_FIELDS)) {
    const given = input[field] !== null && input[field] !== undefined;
    if (field === expected && !given) throw badUserInput(`input.${field} is required for ${input.kind}`, `input.${field}`);
    if (field !== expected && given) throw badUserInput(`input.${field} does not belong to ${input.kind}; give input.${expected}`, `input.${field}`);
  }
  const program = input.program ?? null;
  if (input.kind === 'USUL_PROGRAM' && program === null) throw badUserInput('input.program is required for USUL_PROGRAM', 'input.program');
  if (input.kind !== 'USUL_PROGRAM' && input.kind !== 'SANGGAH' && program !== null) throw badUserInput(`input.program does not belong to ${input.kind}`, 'input.program');
  const evidence = input.evidence ?? [];
  if (evidence.length > MAX_EVIDENCE) throw badUserInput(`input.evidence holds at most ${MAX_EVIDENCE} references`, 'input.evidence');
  const references = evidence.map((reference, index) => text(reference, `input.evidence[${index}]`, MAX_EVIDENCE_LENGTH));
  const base = { noKK: input.noKK, kind: input.kind, channel: input.channel, program, evidence: references };

  switch (input.kind) {
    case 'USUL_BARU': {
      const family = input.newFamily!;
      const village = villageCode(family.villageCode, 'input.newFamily.villageCode');
      if (family.members.length === 0 || family.members.length > MAX_MEMBERS) throw badUserInput(`input.newFamily.members must hold 1 to ${MAX_MEMBERS} members`, 'input.newFamily.members');
      const members = family.members.map((each, index) => member(each, `input.newFamily.members[${index}]`));
      if (!members.some((each) => each.relationship === 1)) throw badUserInput('input.newFamily.members must hold the head (relationship 1)', 'input.newFamily.members');
      if (new Set(members.map((each) => each.nik)).size !== members.length) throw badUserInput('input.newFamily.members must name each NIK once', 'input.newFamily.members');
      return { ...base, villageCode: village, payload: { type: 'NewFamilyPayload', villageCode: village, address: text(family.address, 'input.newFamily.address', 255), members } };
    }
    case 'USUL_PROGRAM':
      return { ...base, villageCode: null, payload: { type: 'ProgramProposalPayload', program: program as Programme, motivation: text(input.programProposal!.motivation, 'input.programProposal.motivation') } };
    case 'SANGGAH': {
      const objection = input.objection!;
      return { ...base, villageCode: null, payload: { type: 'ObjectionPayload', program, ground: objection.ground, note: text(objection.note, 'input.objection.note') } };
    }
    case 'MEMBER_EVENT': {
      const event = input.memberEvent!;
      const moving = event.event === 'MOVE';
      const to = event.toVillageCode ?? null;
      if (moving && to === null) throw badUserInput('input.memberEvent.toVillageCode is required for MOVE', 'input.memberEvent.toVillageCode');
      if (!moving && to !== null) throw badUserInput(`input.memberEvent.toVillageCode does not belong to ${event.event}`, 'input.memberEvent.toVillageCode');
      return {
        ...base,
        villageCode: null,
        payload: {
          type: 'MemberEventPayload',
          event: event.event,
          member: member(event.member, 'input.memberEvent.member'),
          date: date(event.date, 'input.memberEvent.date'),
          toVillageCode: to === null ? null : villageCode(to, 'input.memberEvent.toVillageCode'),
        },
      };
    }
    case 'HOUSEHOLD_UPDATE':
      return { ...base, villageCode: null, payload: fieldChanges(input.householdUpdate!.changes) };
  }
}

/** The NIKs a payload names, for the audit trail. */
export function niksOf(payload: ChangePayloadRecord): string[] {
  if (payload.type === 'NewFamilyPayload') return payload.members.map((each) => each.nik);
  if (payload.type === 'MemberEventPayload') return [payload.member.nik];
  return [];
}
