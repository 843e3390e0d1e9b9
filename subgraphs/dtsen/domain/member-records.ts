import { NAME_ORDER, type DtksNameRecord, type NameRegister, type P3keNameRecord, type PersonRepresentation, type RegsosekNameRecord } from '../representation';
import type { LivingMember } from './members';

/** A member's records in each family register, under any family; undefined where not known. */
export interface MemberRecords {
  readonly regsosek?: readonly RegsosekNameRecord[] | undefined;
  readonly dtks?: readonly DtksNameRecord[] | undefined;
  readonly p3ke?: readonly P3keNameRecord[] | undefined;
}

function named<Record extends object>(records: readonly (Record | { readonly noKK: string })[] | undefined): readonly Record[] | undefined {
  return records?.every((record) => 'name' in record) ? (records as readonly Record[]) : undefined;
}

/**
 * What the family's own fetch tells of a member: a register that lists the member under this
 * family sent with it every record it holds of the NIK, under any family (the resolution
 * selection's `person { … }`). A register that does not list the member here is not known to
 * hold no record of it elsewhere.
 */
export function ownRecords(member: LivingMember): MemberRecords {
  return {
    regsosek: named<RegsosekNameRecord>(member.regsosek?.person?.regsosekRecords),
    dtks: named<DtksNameRecord>(member.dtks?.person?.dtksRecords),
    p3ke: named<P3keNameRecord>(member.p3ke?.person?.p3keRecords),
  };
}

/**
 * The registers to ask for the member's records before its name, sex, birth date, age and alive
 * are decided: each one not known, before the first known to hold a record (its records decide;
 * whether the member is alive is Regsosek's alone, and Regsosek comes first).
 */
export function registersToAsk(known: MemberRecords): NameRegister[] {
  const ask: NameRegister[] = [];
  for (const register of NAME_ORDER) {
    const records = known[register];
    if (records === undefined) ask.push(register);
    else if (records.length > 0) break;
  }
  return ask;
}

/** The member as `Household.members` gives it: what its family's fetch told, and which registers are still to ask. */
export function memberPerson(member: LivingMember): PersonRepresentation {
  const known = ownRecords(member);
  return { nik: member.nik, unasked: registersToAsk(known), regsosekRecords: known.regsosek, dtksRecords: known.dtks, p3keRecords: known.p3ke };
}

/** The person with the asked registers' records; a register asked in vain stays unknown, as when the gateway's own `Person` call to it fails. */
export function withAsked(person: PersonRepresentation, asked: MemberRecords): PersonRepresentation {
  return {
    nik: person.nik,
    regsosekRecords: asked.regsosek ?? person.regsosekRecords,
    dtksRecords: asked.dtks ?? person.dtksRecords,
    p3keRecords: asked.p3ke ?? person.p3keRecords,
  };
}
