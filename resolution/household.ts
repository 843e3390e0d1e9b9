import type { ResolvedHouseholdFragment } from '../generated/graphql/graphql';
import {
  INDEX_PROGRAMS,
  programSuffix,
  TARGETED_INDEX_PROGRAMS,
  type IndexProgram,
  type ResolvedHouseholdRow,
  type ResolvedIssueRow,
} from './entities';

/**
 * What the index keeps of one household, in the shape of the gateway's `Household` fields it comes
 * from: the index row of a family equals the live answer to the ResolvedHousehold fragment, with the
 * members counted (`persons`) rather than listed.
 */
export interface ResolvedHousehold {
  readonly noKK: string;
  readonly sources: readonly string[];
  /** Living members, `Household.members` counted. */
  readonly persons: number;
  readonly region: { readonly code: string } | null;
  readonly desil: { readonly value: number; readonly source: string; readonly conflict: boolean } | null;
  readonly eligibility: readonly {
    readonly program: string;
    readonly eligible: boolean;
    readonly estimatedAnnualBenefit: number;
    readonly ruleSet: string;
  }[];
  readonly targeting: readonly { readonly program: string; readonly status: string }[];
  readonly dataQuality: readonly { readonly code: string; readonly sources: readonly string[]; readonly nik: string | null }[];
}

/** The gateway's answer to the ResolvedHousehold fragment (resolution/operations/resolved-household.graphql). */
export type GatewayHousehold = ResolvedHouseholdFragment;

/** The gateway's answer as the index keeps it: the members counted. */
export function fromGatewayAnswer(answer: GatewayHousehold): ResolvedHousehold {
  const { members, ...fields } = answer;
  return { ...fields, persons: members.length };
}

export interface IndexRows {
  readonly household: ResolvedHouseholdRow;
  readonly issues: ResolvedIssueRow[];
}

type ProgramFields = Record<string, boolean | number | string>;

function eligibilityOf(household: ResolvedHousehold, program: IndexProgram) {
  const entry = household.eligibility.find((candidate) => candidate.program === program);
  if (!entry) throw new Error(`The gateway gave no ${program} eligibility for household ${household.noKK}`);
  return entry;
}

/** The rule set a household was resolved with: one per answer, as the gateway applies one. */
function ruleSetOf(household: ResolvedHousehold): string {
  const versions = new Set(household.eligibility.map((entry) => entry.ruleSet));
  const [version] = versions;
  if (versions.size !== 1 || version === undefined) throw new Error(`Household ${household.noKK} has ${versions.size} rule sets`);
  return version;
}

export function toIndexRows(household: ResolvedHousehold, runId: number, resolvedAt: string): IndexRows {
  const programs: ProgramFields = {};
  for (const program of INDEX_PROGRAMS) {
    const entry = eligibilityOf(household, program);
    programs[`eligible${programSuffix(program)}`] = entry.eligible;
    programs[`benefit${programSuffix(program)}`] = entry.estimatedAnnualBenefit;
  }
  for (const program of TARGETED_INDEX_PROGRAMS) {
    const entry = household.targeting.find((candidate) => candidate.program === program);
    if (!entry) throw new Error(`The gateway gave no ${program} targeting for household ${household.noKK}`);
    programs[`targeting${programSuffix(program)}`] = entry.status;
  }
  const row = {
    noKK: household.noKK,
    regionCode: household.region?.code ?? null,
    desil: household.desil?.value ?? null,
    desilSource: household.desil?.source ?? null,
    desilConflict: household.desil?.conflict ?? null,
    inDtks: household.sources.includes('DTKS'),
    inRegsosek: household.sources.includes('REGSOSEK'),
    inP3ke: household.sources.includes('P3KE'),
    inKemendes: household.sources.includes('KEMENDES'),
    inBpjs: household.sources.includes('BPJS'),
    persons: household.persons,
    ...programs,
    ruleSet: ruleSetOf(household),
    runId,
    resolvedAt,
  } as ResolvedHouseholdRow;
  const issues = household.dataQuality.map((issue, position) => ({
    noKK: household.noKK,
    position,
    code: issue.code,
    nik: issue.nik,
    sources: issue.sources.join(','),
  }));
  return { household: row, issues };
}

/** An index row back in the gateway's shape; `issues` in their stored order. */
export function fromIndexRows(row: ResolvedHouseholdRow, issues: readonly ResolvedIssueRow[]): ResolvedHousehold {
  const fields = row as unknown as Record<string, unknown>;
  const sources = [row.inDtks && 'DTKS', row.inRegsosek && 'REGSOSEK', row.inP3ke && 'P3KE', row.inKemendes && 'KEMENDES', row.inBpjs && 'BPJS'].filter(
    (source): source is string => typeof source === 'string',
  );
  return {
    noKK: row.noKK,
    sources,
    persons: row.persons,
    region: row.regionCode === null ? null : { code: row.regionCode },
    desil:
      row.desil === null || row.desilSource === null
        ? null
        : { value: row.desil, source: row.desilSource, conflict: row.desilConflict === true },
    eligibility: INDEX_PROGRAMS.map((program) => ({
      program,
      eligible: fields[`eligible${programSuffix(program)}`] as boolean,
      estimatedAnnualBenefit: fields[`benefit${programSuffix(program)}`] as number,
      ruleSet: row.ruleSet,
    })),
    targeting: TARGETED_INDEX_PROGRAMS.map((program) => ({ program, status: fields[`targeting${programSuffix(program)}`] as string })),
    dataQuality: [...issues]
      .sort((a, b) => a.position - b.position)
      .map((issue) => ({ code: issue.code, sources: issue.sources === '' ? [] : issue.sources.split(','), nik: issue.nik })),
  };
}
