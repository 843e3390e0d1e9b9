import type { HouseholdRepresentation } from '../representation';
import type { DesilRules } from '../rules/rule-set';
import type { FamilySource } from './sources';

export interface DesilCandidate {
  readonly source: FamilySource;
  /** Null when the source holds the family but does not rank it. */
  readonly value: number | null;
  /** What the value rests on, for reasons: "DTSEN ranking 2025Q4", "DTKS legacy percentile 35". */
  readonly basis: string;
}

export interface ResolvedDesil {
  readonly value: number;
  readonly source: FamilySource;
  readonly rankingVersion: string | null;
  readonly basis: string;
  readonly conflict: boolean;
  readonly candidates: readonly DesilCandidate[];
}

/** The desil of a DTKS legacy percentile; null above the last band (DTKS only ranks the bottom 40). */
export function desilOfDtksPercentile(percentile: number | null, rules: DesilRules): number | null {
  if (percentile === null) return null;
  return rules.dtksPercentileBands.find((band) => percentile <= band.maxPercentile)?.desil ?? null;
}

function candidateOf(source: FamilySource, household: HouseholdRepresentation, rules: DesilRules): DesilCandidate | null {
  switch (source) {
    case 'REGSOSEK': {
      const family = household.regsosek;
      if (!family) return null;
      const ranking = family.ranking;
      return ranking
        ? { source, value: ranking.desil, basis: `DTSEN ranking ${ranking.version}` }
        : { source, value: null, basis: 'not yet ranked by DTSEN' };
    }
    case 'P3KE':
      return household.p3ke ? { source, value: household.p3ke.desil, basis: "P3KE's own model" } : null;
    case 'DTKS': {
      const family = household.dtks;
      if (!family) return null;
      const percentile = family.welfarePercentile;
      return {
        source,
        value: desilOfDtksPercentile(percentile, rules),
        basis: percentile === null ? 'DTKS, no legacy percentile' : `DTKS legacy percentile ${percentile}`,
      };
    }
  }
}

/** What each register that holds the family says, in the rule set's order of authority. */
export function desilCandidates(household: HouseholdRepresentation, rules: DesilRules): DesilCandidate[] {
  return rules.sourceOrder
    .map((source) => candidateOf(source, household, rules))
    .filter((candidate): candidate is DesilCandidate => candidate !== null);
}

/** Pairs of ranked candidates at least the conflict distance apart (deciles of different models are never averaged). */
export function conflictingPairs(
  candidates: readonly DesilCandidate[],
  rules: DesilRules,
): [DesilCandidate, DesilCandidate][] {
  const pairs: [DesilCandidate, DesilCandidate][] = [];
  candidates.forEach((first, index) => {
    for (const second of candidates.slice(index + 1)) {
      if (first.value === null || second.value === null) continue;
      if (Math.abs(first.value - second.value) >= rules.conflictDistance) pairs.push([first, second]);
    }
  });
  return pairs;
}

/**
 * The desil from the most authoritative source that ranks the family (the DTSEN ranking, then
 * P3KE, then the DTKS legacy percentile); null when none does.
 */
export function resolveDesil(household: HouseholdRepresentation, rules: DesilRules): ResolvedDesil | null {
  const candidates = desilCandidates(household, rules);
  const chosen = candidates.find((candidate) => candidate.value !== null);
  if (!chosen || chosen.value === null) return null;
  return {
    value: chosen.value,
    source: chosen.source,
    rankingVersion: chosen.source === 'REGSOSEK' ? (household.regsosek?.ranking?.version ?? null) : null,
    basis: chosen.basis,
    conflict: conflictingPairs(candidates, rules).length > 0,
    candidates,
  };
}

/** "Desil 3 (DTSEN ranking 2025Q4)". */
export function describeDesil(desil: ResolvedDesil): string {
  return `Desil ${desil.value} (${desil.basis})`;
}
