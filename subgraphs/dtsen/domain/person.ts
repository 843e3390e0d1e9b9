import type { Sex } from '../../../common/identifiers';
import type { PersonListingsRepresentation, PersonRepresentation } from '../representation';
import { ageAt } from './ages';
import { PRESENCE_DIED } from './register-codes';

export interface ResolvedPerson {
  readonly name: string | null;
  readonly sex: Sex | null;
  readonly birthDate: string | null;
  readonly age: number | null;
  readonly alive: boolean;
}

/**
 * A person across the family registers: name, sex and birth date from Regsosek, else DTKS, else
 * P3KE (first record of each); deceased when any Regsosek record says so. BPJS Kesehatan gives no
 * name or household (docs/rules.md); it counts only among the sources (`personSources`).
 */
export function resolvePerson(person: PersonRepresentation, evaluationDate: Date): ResolvedPerson {
  const regsosek = person.regsosekRecords ?? [];
  const first = regsosek[0] ?? person.dtksRecords?.[0] ?? person.p3keRecords?.[0] ?? null;
  return {
    name: first?.name ?? null,
    sex: first?.sex ?? null,
    birthDate: first?.birthDate ?? null,
    age: first ? ageAt(first.birthDate, evaluationDate) : null,
    alive: !regsosek.some((record) => record.presence === PRESENCE_DIED),
  };
}

/** No. KKs under which any family register lists the person, Regsosek's first, then DTKS's, then P3KE's. */
export function personHouseholds(person: PersonListingsRepresentation): string[] {
  const records = [...(person.regsosekRecords ?? []), ...(person.dtksRecords ?? []), ...(person.p3keRecords ?? [])];
  return [...new Set(records.map((record) => record.noKK))];
}
