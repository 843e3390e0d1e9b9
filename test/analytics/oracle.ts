import type { ResolvedHousehold } from '../../resolution/household';
import type { IndexRepository } from '../../resolution/repository';
import type { RunningSystem } from '../support/system';

// The expected answers, computed in plain code from every household of the index: what the SQL of
// households, statistics and the export must agree with.

/** A system whose index holds a resolved world, and every household of that index. */
export interface ResolvedIndex {
  readonly system: RunningSystem;
  readonly all: readonly ResolvedHousehold[];
}

export async function indexedHouseholds(index: IndexRepository): Promise<ResolvedHousehold[]> {
  const all: ResolvedHousehold[] = [];
  for await (const household of index.households()) all.push(household);
  return all;
}

export interface OracleFilter {
  readonly regionPrefix?: string;
  readonly desilMin?: number;
  readonly desilMax?: number;
  readonly eligibleFor?: string;
  readonly targeting?: { readonly program: string; readonly status: string };
  readonly dataQuality?: string;
  readonly inRegister?: string;
  readonly notInRegister?: string;
}

export function matches(household: ResolvedHousehold, filter: OracleFilter): boolean {
  const desil = household.desil?.value ?? null;
  const prefix = filter.regionPrefix?.replaceAll('.', '');
  return (
    (prefix === undefined || (household.region?.code ?? '').startsWith(prefix)) &&
    (filter.desilMin === undefined || (desil !== null && desil >= filter.desilMin)) &&
    (filter.desilMax === undefined || (desil !== null && desil <= filter.desilMax)) &&
    (filter.eligibleFor === undefined || household.eligibility.some((entry) => entry.program === filter.eligibleFor && entry.eligible)) &&
    (filter.targeting === undefined ||
      household.targeting.some((entry) => entry.program === filter.targeting?.program && entry.status === filter.targeting.status)) &&
    (filter.dataQuality === undefined || household.dataQuality.some((issue) => issue.code === filter.dataQuality)) &&
    (filter.inRegister === undefined || household.sources.includes(filter.inRegister)) &&
    (filter.notInRegister === undefined || !household.sources.includes(filter.notInRegister))
  );
}

export function filtered(households: readonly ResolvedHousehold[], filter: OracleFilter): ResolvedHousehold[] {
  return households.filter((household) => matches(household, filter)).sort((a, b) => (a.noKK < b.noKK ? -1 : 1));
}
