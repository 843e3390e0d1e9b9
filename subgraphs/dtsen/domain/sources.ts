import { listing, say, type Statement } from './statement';
import type { HouseholdRepresentation, PersonListingsRepresentation } from '../representation';
import type { Source as FamilySource } from '../rules/rule-set';

/** The registers that list a family's members and rank it (the rule set's desil sources). */
export type { FamilySource };
/** Every register dtsen reads: the family registers, and the partners': Kemendes for BLT Dana Desa receipts, BPJS Kesehatan for PBI-JK enrolment. */
export type Source = FamilySource | 'KEMENDES' | 'BPJS';

/** The family registers in the order of the Source enum: members, region, desil and data quality read these. */
export const FAMILY_SOURCES: readonly FamilySource[] = ['DTKS', 'REGSOSEK', 'P3KE'];

/** Registers in the order of the Source enum; every list of sources this subgraph returns follows it. */
export const SOURCES: readonly Source[] = [...FAMILY_SOURCES, 'KEMENDES', 'BPJS'];

/** How caseworkers call the registers. */
export const SOURCE_NAMES: Readonly<Record<Source, string>> = { DTKS: 'DTKS', REGSOSEK: 'Regsosek', P3KE: 'P3KE', KEMENDES: 'Kemendes', BPJS: 'BPJS Kesehatan' };

export function sortSources(sources: Iterable<Source>): Source[] {
  const present = new Set(sources);
  return SOURCES.filter((source) => present.has(source));
}

/** Each register's part of the representation: null when it does not hold the family, absent when it could not be asked. */
function partsOf(household: HouseholdRepresentation): Record<Source, unknown> {
  return { DTKS: household.dtks, REGSOSEK: household.regsosek, P3KE: household.p3ke, KEMENDES: household.kemendes, BPJS: household.bpjs };
}

/** Registers that hold the family (a non-null record; BPJS: an enrolment under its No. KK). */
export function householdSources(household: HouseholdRepresentation): Source[] {
  const parts = partsOf(household);
  return SOURCES.filter((source) => (source === 'BPJS' ? (household.bpjs?.length ?? 0) > 0 : parts[source] != null));
}

/**
 * Registers the gateway could not ask about this family (its call failed: down, slow, erroring),
 * which is not the same as not holding it: their part of the representation is absent.
 */
export function unavailableSources(household: HouseholdRepresentation): Source[] {
  const parts = partsOf(household);
  return SOURCES.filter((source) => parts[source] === undefined);
}

/**
 * Registers that list a NIK: member records of DTKS, Regsosek and P3KE, and BPJS Kesehatan's
 * enrolments (any status), in the order of the Source enum.
 */
export function personSources(person: PersonListingsRepresentation): Source[] {
  const listed: Readonly<Record<Source, number>> = {
    DTKS: person.dtksRecords?.length ?? 0,
    REGSOSEK: person.regsosekRecords?.length ?? 0,
    P3KE: person.p3keRecords?.length ?? 0,
    KEMENDES: 0,
    BPJS: person.bpjsRecords?.length ?? 0,
  };
  return SOURCES.filter((source) => listed[source] > 0);
}

/** "P3KE could not be asked; this result may change when it answers", for reasons. */
export function unavailableNote(sources: readonly Source[]): Statement {
  return say`${listing(sources.map((source) => SOURCE_NAMES[source]))} could not be asked; this result may change when ${sources.length === 1 ? 'it answers' : 'they answer'}`;
}
