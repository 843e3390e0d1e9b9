import type { HouseholdQualityRepresentation, PersonKKsRepresentation } from '../../representation';
import type { FamilySource } from '../sources';

/** One register's listing of a NIK under the family, with the KKs the gateway found for that NIK. */
export interface Listing {
  readonly source: FamilySource;
  readonly nik: string;
  readonly person: PersonKKsRepresentation | null | undefined;
}

/** The family registers' records of a NIK; the partners' registers are not compared for KK mismatches. */
const RECORDS_FIELD: Readonly<Record<FamilySource, keyof PersonKKsRepresentation>> = { DTKS: 'dtksRecords', REGSOSEK: 'regsosekRecords', P3KE: 'p3keRecords' };

/** Every (register, NIK) listing of the family, once each, registers in Source order. */
export function listingsOf(household: HouseholdQualityRepresentation): Listing[] {
  const families: readonly [FamilySource, readonly { nik: string; person?: PersonKKsRepresentation | null }[] | undefined][] = [
    ['DTKS', household.dtks?.members],
    ['REGSOSEK', household.regsosek?.members],
    ['P3KE', household.p3ke?.members],
  ];
  const seen = new Set<string>();
  const listings: Listing[] = [];
  for (const [source, members] of families) {
    for (const member of members ?? []) {
      const key = `${source}:${member.nik}`;
      if (seen.has(key)) continue;
      seen.add(key);
      listings.push({ source, nik: member.nik, person: member.person });
    }
  }
  return listings;
}

/**
 * The KKs under which `source` lists `nik`, from any listing of that NIK that carries them;
 * undefined when unknown (the register's subgraph could not be asked), which is not the same as [].
 */
export function kksOf(nik: string, source: FamilySource, listings: readonly Listing[]): readonly string[] | undefined {
  const field = RECORDS_FIELD[source];
  for (const listing of listings) {
    if (listing.nik !== nik) continue;
    const records = listing.person?.[field];
    if (records) return [...new Set(records.map((record) => record.noKK))];
  }
  return undefined;
}
