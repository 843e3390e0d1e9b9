import { badUserInput } from '../common/errors';
import { isTargetedProgramme } from '../common/programmes';
import { childRegions, dottedRegionCode, findRegion } from '../common/regions';
import { INDEX_PROGRAMS, type IndexProgram } from './entities';
import { DATA_QUALITY_CODES, parseKnownRegionPrefix } from './household-filter';
import type { ProgramCounts, RegionGroups, RegionScope } from './query-repository';

// `Query.statistics` from the grouped counts of the index: regions at a level, each with the same
// breakdowns as the total, so that regions add up to the total at every level.

/** Digits of the region code a level keeps. */
export const LEVEL_DIGITS = { PROVINCE: 2, CITY: 4, DISTRICT: 6, VILLAGE: 10 } as const;
export type RegionLevel = keyof typeof LEVEL_DIGITS;

const DESILS: readonly (number | null)[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null];

export interface StatisticsArguments {
  readonly regionPrefix: string | null;
  readonly level: RegionLevel;
  readonly digits: number;
  /** The asking principal's regions: only families inside are counted, only regions overlapping them listed. */
  readonly scope: RegionScope;
}

export interface ProgramStatistics {
  readonly program: IndexProgram;
  readonly eligible: number;
  /** Null for a programme whose receipt no register records, likewise the four after. */
  readonly receiving: number | null;
  readonly onTarget: number | null;
  readonly inclusionErrors: number | null;
  readonly graduationCandidates: number | null;
  readonly exclusionErrors: number | null;
  readonly estimatedAnnualBudget: number;
}

export interface RegionStatistics {
  readonly code: string;
  readonly dottedCode: string;
  readonly name: string | null;
  readonly families: number;
  readonly persons: number;
  readonly byDesil: readonly { readonly desil: number | null; readonly families: number; readonly persons: number }[];
  readonly programs: readonly ProgramStatistics[];
  readonly dataQuality: readonly { readonly code: string; readonly families: number }[];
}

export interface Statistics {
  readonly level: RegionLevel;
  readonly regionPrefix: string | null;
  readonly total: RegionStatistics;
  readonly regions: readonly RegionStatistics[];
}

/** BAD_USER_INPUT naming `regionPrefix` or `level` when the level is not finer than the prefix. */
export function parseStatisticsArguments(regionPrefix: string | null | undefined, level: string, scope: RegionScope): StatisticsArguments {
  const prefix = parseKnownRegionPrefix(regionPrefix, 'regionPrefix');
  if (!Object.hasOwn(LEVEL_DIGITS, level)) {
    throw badUserInput(`level must be one of ${Object.keys(LEVEL_DIGITS).join(', ')}, got "${level}"`, 'level');
  }
  const digits = LEVEL_DIGITS[level as RegionLevel];
  if (prefix !== null && prefix.length >= digits) {
    throw badUserInput(
      `level ${level} (codes of ${digits} digits) must be finer than regionPrefix ${dottedRegionCode(prefix)} (${prefix.length} digits)`,
      'level',
    );
  }
  return { regionPrefix: prefix, level: level as RegionLevel, digits, scope };
}

interface Tally {
  families: number;
  persons: number;
  readonly desil: Map<number | null, { families: number; persons: number }>;
  readonly programs: Record<IndexProgram, { -readonly [K in keyof ProgramCounts]: number }>;
  readonly issues: Map<string, number>;
}

function emptyTally(): Tally {
  const programs = {} as Tally['programs'];
  for (const program of INDEX_PROGRAMS) programs[program] = { eligible: 0, onTarget: 0, inclusionErrors: 0, graduationCandidates: 0, exclusionErrors: 0, budget: 0 };
  return { families: 0, persons: 0, desil: new Map(), programs, issues: new Map() };
}

function toRegionStatistics(code: string, tally: Tally): RegionStatistics {
  return {
    code,
    dottedCode: code === '' ? '' : dottedRegionCode(code),
    name: code === '' ? null : (findRegion(code)?.name ?? null),
    families: tally.families,
    persons: tally.persons,
    byDesil: DESILS.map((desil) => ({ desil, families: 0, persons: 0, ...tally.desil.get(desil) })),
    programs: INDEX_PROGRAMS.map((program) => {
      const counts = tally.programs[program];
      const targeted = isTargetedProgramme(program);
      return {
        program,
        eligible: counts.eligible,
        receiving: targeted ? counts.onTarget + counts.inclusionErrors + counts.graduationCandidates : null,
        onTarget: targeted ? counts.onTarget : null,
        inclusionErrors: targeted ? counts.inclusionErrors : null,
        graduationCandidates: targeted ? counts.graduationCandidates : null,
        exclusionErrors: targeted ? counts.exclusionErrors : null,
        estimatedAnnualBudget: counts.budget,
      };
    }),
    dataQuality: DATA_QUALITY_CODES.map((issue) => ({ code: issue, families: tally.issues.get(issue) ?? 0 })),
  };
}

/** A region at the level holds families of the scope when one contains the other. */
function overlapsScope(code: string, scope: RegionScope): boolean {
  return scope === null || scope.some((prefix) => code.startsWith(prefix) || prefix.startsWith(code));
}

/** Digits of the level above each level's codes: the parent whose children are listed. */
const PARENT_DIGITS: Readonly<Record<RegionLevel, number>> = { PROVINCE: 0, CITY: 2, DISTRICT: 4, VILLAGE: 6 };

/**
 * The regions a level has within the prefix and the scope: any the index holds (already limited to
 * the scope), and, with no families, every region of the level whose parent is the prefix or holds
 * families. Listing all of Indonesia's 83,763 villages for a nationwide VILLAGE query would bury the
 * few that have families; this lists the empty villages of the districts that have some.
 */
function regionCodes(args: StatisticsArguments, groups: RegionGroups): string[] {
  const held = groups.desil.map((group) => group.code);
  const prefix = args.regionPrefix ?? '';
  const parentDigits = PARENT_DIGITS[args.level];
  const parents = new Set(held.map((code) => code.slice(0, parentDigits)));
  if (prefix.length === parentDigits) parents.add(prefix);
  const known = [...parents]
    .flatMap((parent) => childRegions(parent))
    .map((row) => row.code.replaceAll('.', ''))
    .filter((code) => code.startsWith(prefix) && overlapsScope(code, args.scope));
  return [...new Set([...known, ...held])].sort();
}

export function buildStatistics(args: StatisticsArguments, groups: RegionGroups): Statistics {
  const total = emptyTally();
  const tallies = new Map(regionCodes(args, groups).map((code) => [code, emptyTally()]));
  const tallyOf = (code: string): Tally => tallies.get(code) ?? emptyTally();
  for (const group of groups.desil) {
    for (const tally of [total, tallyOf(group.code)]) {
      tally.families += group.families;
      tally.persons += group.persons;
      const desil = tally.desil.get(group.desil) ?? { families: 0, persons: 0 };
      tally.desil.set(group.desil, { families: desil.families + group.families, persons: desil.persons + group.persons });
      for (const program of INDEX_PROGRAMS) {
        const counts = tally.programs[program];
        const added = group.programs[program];
        counts.eligible += added.eligible;
        counts.onTarget += added.onTarget;
        counts.inclusionErrors += added.inclusionErrors;
        counts.graduationCandidates += added.graduationCandidates;
        counts.exclusionErrors += added.exclusionErrors;
        counts.budget += added.budget;
      }
    }
  }
  // A family lies in one region, so per-region counts of families with an issue add up to the total.
  for (const group of groups.issues) {
    for (const tally of [total, tallyOf(group.code)]) tally.issues.set(group.issue, (tally.issues.get(group.issue) ?? 0) + group.families);
  }
  return {
    level: args.level,
    regionPrefix: args.regionPrefix,
    total: { ...toRegionStatistics(args.regionPrefix ?? '', total), code: '', dottedCode: '' },
    regions: [...tallies].map(([code, tally]) => toRegionStatistics(code, tally)),
  };
}
