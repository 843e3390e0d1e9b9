import type { Sex } from '../../../common/identifiers';
import type { PersonRepresentation } from '../representation';
import { ageAt } from './ages';
import { PRESENCE_DIED } from './register-codes';

export interface ResolvedPerson {
  readonly name: string | null;
  readonly sex: Sex | null;
  readonly birthDate: string | null;
  readonly age: number | null;
  readonly alive: boolean;
  /** No. KKs under which any register lists the person, Regsosek's first. */
  readonly households: readonly string[];
}

/**
 * A person across the family registers: name, sex and birth date from Regsosek, else DTKS, else
 * P3KE (first record of each); deceased when any Regsosek record says so. BPJS Kesehatan gives no
 * name or household (docs/rules.md); it counts only among the sources (`personSources`).
 */
export function resolvePerson(person: PersonRepresentation, evaluationDate: Date): ResolvedPerson {
  const regsosek = person.regsosekRecords ?? [];
  const dtks = person.dtksRecords ?? [];
  const p3ke = person.p3keRecords ?? [];
  const first = regsosek[0] ?? dtks[0] ?? p3ke[0] ?? null;
  return {
    name: first?.name ?? null,
    sex: first?.sex ?? null,
    birthDate: first?.birthDate ?? null,
    age: first ? ageAt(first.birthDate, evaluationDate) : null,
    alive: !regsosek.some((record) => record.presence === PRESENCE_DIED),
    households: [...new Set([...regsosek, ...dtks, ...p3ke].map((record) => record.noKK))],
  };
}
