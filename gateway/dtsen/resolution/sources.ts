import type { HouseholdKeysRepresentation } from '../representation';
import type { Source } from '../rules/rule-set';

export type { Source } from '../rules/rule-set';

/** Registers in the order of the Source enum; every list of sources this subgraph returns follows it. */
export const SOURCES: readonly Source[] = ['DTKS', 'REGSOSEK', 'P3KE'];

/** How caseworkers call the registers. */
export const SOURCE_NAMES: Readonly<Record<Source, string>> = { DTKS: 'DTKS', REGSOSEK: 'Regsosek', P3KE: 'P3KE' };

export function sortSources(sources: Iterable<Source>): Source[] {
  const present = new Set(sources);
  return SOURCES.filter((source) => present.has(source));
}

/** Registers that hold the family (a non-null record). */
export function householdSources(household: HouseholdKeysRepresentation): Source[] {
  const held: Record<Source, unknown> = { DTKS: household.dtks, REGSOSEK: household.regsosek, P3KE: household.p3ke };
  return SOURCES.filter((source) => held[source] != null);
}
