import type { Sex } from '../../../common/identifiers';
import type {
  DtksMemberRepresentation,
  HouseholdRepresentation,
  P3keMemberRepresentation,
  RegsosekMemberRepresentation,
  WithPerson,
} from '../representation';
import { ageAt } from './ages';
import { PRESENCE_GONE } from './register-codes';

/** One living member of a family with each register's record of them (null where it has none). */
export interface LivingMember {
  readonly nik: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
  /** At the evaluation date; null when the birth date is unreadable. */
  readonly age: number | null;
  readonly regsosek: WithPerson<RegsosekMemberRepresentation> | null;
  readonly dtks: WithPerson<DtksMemberRepresentation> | null;
  readonly p3ke: WithPerson<P3keMemberRepresentation> | null;
}

function firstByNik<M extends { readonly nik: string }>(members: readonly M[] | undefined): Map<string, M> {
  const byNik = new Map<string, M>();
  for (const member of members ?? []) if (!byNik.has(member.nik)) byNik.set(member.nik, member);
  return byNik;
}

/**
 * The union by NIK of the registers' members of this family: Regsosek's first, then DTKS's, then
 * P3KE's, each in register order. Members Regsosek records as died or moved away are dropped
 * (only Regsosek records presence). Name, sex, birth date and relationship come from the first register that
 * lists the member in that same order.
 */
export function livingMembers(household: HouseholdRepresentation, evaluationDate: Date): LivingMember[] {
  const regsosek = firstByNik(household.regsosek?.members);
  const dtks = firstByNik(household.dtks?.members);
  const p3ke = firstByNik(household.p3ke?.members);
  const niks = new Set([...regsosek.keys(), ...dtks.keys(), ...p3ke.keys()]);
  const members: LivingMember[] = [];
  for (const nik of niks) {
    const records = { regsosek: regsosek.get(nik) ?? null, dtks: dtks.get(nik) ?? null, p3ke: p3ke.get(nik) ?? null };
    if (records.regsosek && PRESENCE_GONE.has(records.regsosek.presence)) continue;
    const first = records.regsosek ?? records.dtks ?? records.p3ke;
    if (!first) continue;
    members.push({
      nik,
      name: first.name,
      sex: first.sex,
      birthDate: first.birthDate,
      relationship: first.relationship,
      age: ageAt(first.birthDate, evaluationDate),
      ...records,
    });
  }
  return members;
}
