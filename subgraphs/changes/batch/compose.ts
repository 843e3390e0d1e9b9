import type { ParseContext } from '../../../common/import/codecs';
import type { AnyImportFormat } from '../../../common/import/format';
import type { ChangeRequestRecord, ProposedMemberRecord } from '../records';
import { problemOf, type FamilyCells } from './family-cells';
import { FIELD_COLUMNS, labelOf, MEMBER_EVENT_REGISTER, NEW_FAMILY_REGISTER, newDtksFamilyCells } from './register-of-record';

/** A VERIFIED request with the time of its verification, which orders a family's requests. */
export interface VerifiedRequest {
  readonly record: ChangeRequestRecord;
  /** ISO 8601 UTC. */
  readonly verifiedAt: string;
}

/** A register as the batch sees it: its CSV format and the stored families the period's requests name. */
export interface RegisterView {
  readonly format: AnyImportFormat;
  readonly stored: ReadonlyMap<string, FamilyCells>;
}

export interface ComposedFile {
  readonly register: string;
  /** The changed families, their record with every change applied, by No. KK. */
  readonly families: readonly FamilyCells[];
  /** The requests the file carries, by id. */
  readonly requestIds: readonly string[];
}

export interface Composition {
  /** One per register with a changed family, in the order of the registers given. */
  readonly files: readonly ComposedFile[];
  /** Requests whose change does not apply, with the reason, in verification order. */
  readonly leftOut: readonly { readonly request: ChangeRequestRecord; readonly reason: string }[];
  /** Programme proposals and objections: decisions for the programme's owner, in no register file. */
  readonly forProgrammeOwner: readonly ChangeRequestRecord[];
}

/** Why a request does not apply: its reason, written for a caseworker. */
class LeftOut extends Error {}

const memberCells = (member: ProposedMemberRecord): Record<string, string> => ({
  nik: member.nik,
  name: member.name,
  sex: member.sex,
  birth_date: member.birthDate,
  relationship: String(member.relationship),
});

/** The UTC day of an instant: the importer refuses a date after its UTC today, which a WIB day can be for 7 hours. */
const utcDay = (at: string): string => at.slice(0, 10);

/**
 * The period's verified requests applied to the registers' records, family by family, in the order
 * they were verified (then by id): each register's changed families as its import file would hold
 * them, the requests that no longer apply with their reasons, and the requests no register records.
 * A request applies whole or not at all; one left out does not stop the later ones.
 */
export function composeBatch(requests: readonly VerifiedRequest[], registers: Readonly<Record<string, RegisterView>>, context: ParseContext): Composition {
  const ordered = [...requests].sort((a, b) => a.verifiedAt.localeCompare(b.verifiedAt) || a.record.id.localeCompare(b.record.id));
  const working = new Map<string, Map<string, FamilyCells>>();
  const carried = new Map<string, Set<string>>();
  const leftOut: { request: ChangeRequestRecord; reason: string }[] = [];
  const forProgrammeOwner: ChangeRequestRecord[] = [];

  const view = (register: string): RegisterView => {
    const found = registers[register];
    if (!found) throw new Error(`The batch has no view of the ${register} register`);
    return found;
  };
  const current = (register: string, noKK: string): FamilyCells | null => working.get(register)?.get(noKK) ?? view(register).stored.get(noKK) ?? null;
  const held = (register: string, noKK: string): FamilyCells => {
    const family = current(register, noKK);
    if (family === null) throw new LeftOut(`${labelOf(register)} holds no family with this No. KK`);
    return family;
  };

  function changesOf(verified: VerifiedRequest): Map<string, FamilyCells> {
    const { record } = verified;
    const { payload, noKK } = record;
    switch (payload.type) {
      case 'NewFamilyPayload': {
        if (current(NEW_FAMILY_REGISTER, noKK) !== null) {
          throw new LeftOut(`${labelOf(NEW_FAMILY_REGISTER)} already holds a family with this No. KK; propose its changes as member events or household updates`);
        }
        const family = { ...newDtksFamilyCells(noKK, utcDay(verified.verifiedAt)), no_kk: noKK, region_code: payload.villageCode, address: payload.address };
        return new Map([[NEW_FAMILY_REGISTER, { family, members: payload.members.map(memberCells) }]]);
      }
      case 'MemberEventPayload': {
        const family = held(MEMBER_EVENT_REGISTER, noKK);
        const label = labelOf(MEMBER_EVENT_REGISTER);
        const listed = family.members.some((member) => member.nik === payload.member.nik);
        if (payload.event === 'BIRTH') {
          if (listed) throw new LeftOut(`${label} already lists this NIK in the family`);
          return new Map([[MEMBER_EVENT_REGISTER, { ...family, members: [...family.members, memberCells(payload.member)] }]]);
        }
        if (!listed) throw new LeftOut(`${label} lists no member with this NIK in the family`);
        const members = family.members.filter((member) => member.nik !== payload.member.nik);
        if (members.length === 0) throw new LeftOut(`this member is the family's last in ${label}; an import cannot write a family without members, so ${label} must close the family itself`);
        return new Map([[MEMBER_EVENT_REGISTER, { ...family, members }]]);
      }
      case 'HouseholdUpdatePayload': {
        const changed = new Map<string, FamilyCells>();
        for (const change of payload.changes) {
          const { register, column } = FIELD_COLUMNS[change.field];
          const family = changed.get(register) ?? held(register, noKK);
          changed.set(register, { ...family, family: { ...family.family, [column]: change.value } });
        }
        return changed;
      }
      case 'ProgramProposalPayload':
      case 'ObjectionPayload':
        return new Map();
    }
  }

  for (const verified of ordered) {
    const { record } = verified;
    if (record.payload.type === 'ProgramProposalPayload' || record.payload.type === 'ObjectionPayload') {
      forProgrammeOwner.push(record);
      continue;
    }
    try {
      const changes = changesOf(verified);
      for (const [register, family] of changes) {
        const problem = problemOf(view(register).format, family, context);
        if (problem !== null) throw new LeftOut(`${labelOf(register)} would refuse the changed family: ${problem}`);
      }
      for (const [register, family] of changes) {
        if (!working.has(register)) working.set(register, new Map());
        working.get(register)?.set(record.noKK, family);
        if (!carried.has(register)) carried.set(register, new Set());
        carried.get(register)?.add(record.id);
      }
    } catch (error) {
      if (!(error instanceof LeftOut)) throw error;
      leftOut.push({ request: record, reason: error.message });
    }
  }

  const files = Object.keys(registers)
    .filter((register) => (working.get(register)?.size ?? 0) > 0)
    .map((register) => ({
      register,
      families: [...(working.get(register)?.entries() ?? [])].sort(([a], [b]) => a.localeCompare(b)).map(([, family]) => family),
      requestIds: [...(carried.get(register) ?? [])].sort(),
    }));
  return { files, leftOut, forProgrammeOwner };
}
