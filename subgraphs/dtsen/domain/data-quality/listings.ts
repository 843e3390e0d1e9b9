import type { HouseholdQualityRepresentation, PersonKKsRepresentation } from '../../representation';
import type { FamilySource } from '../sources';

/**
 * The registers whose member records the NIK checks compare: the family registers, and BPJS
 * Kesehatan, which enrols each member under a No. KK. Kemendes lists only the recipient, not the family.
 */
export type ListingSource = FamilySource | 'BPJS';
export const LISTING_SOURCES: readonly ListingSource[] = ['DTKS', 'REGSOSEK', 'P3KE', 'BPJS'];

/** One register's listing of a NIK under the family, with the KKs the gateway found for that NIK. */
export interface Listing {
  readonly source: ListingSource;
  readonly nik: string;
  readonly person: PersonKKsRepresentation | null | undefined;
}

/** Where each register's records of a NIK are, in the person the gateway fills. */
const RECORDS_FIELD: Readonly<Record<ListingSource, keyof PersonKKsRepresentation>> = {
  DTKS: 'dtksRecords',
  REGSOSEK: 'regsosekRecords',
  P3KE: 'p3keRecords',
  BPJS: 'bpjsRecords',
};

/** Every (register, NIK) listing of the family, once each, registers in Source order; BPJS's enrolments whatever their status. */
export function listingsOf(household: HouseholdQualityRepresentation): Listing[] {
  const families: readonly [ListingSource, readonly { nik: string; person?: PersonKKsRepresentation | null }[] | undefined][] = [
    ['DTKS', household.dtks?.members],
    ['REGSOSEK', household.regsosek?.members],
    ['P3KE', household.p3ke?.members],
    ['BPJS', household.bpjs],
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
export function kksOf(nik: string, source: ListingSource, listings: readonly Listing[]): readonly string[] | undefined {
  const field = RECORDS_FIELD[source];
  for (const listing of listings) {
    if (listing.nik !== nik) continue;
    const records = listing.person?.[field];
    if (records) return [...new Set(records.map((record) => record.noKK))];
  }
  return undefined;
}
