import { badUserInput } from '../common/errors';
import { parseDesilRange } from '../common/desil-range';
import { isTargetedProgramme } from '../common/programmes';
import { dottedRegionCode, findRegion, plainRegionCode } from '../common/regions';
import { INDEX_PROGRAMS, TARGETED_INDEX_PROGRAMS, type IndexProgram, type TargetedIndexProgram } from './entities';

// The filter of `Query.households` and of the CSV export, parsed and checked in one place so both
// accept and refuse exactly the same input. GraphQL checks enum values before a resolver runs; the
// CSV export's query string does not, so every value is checked here too.

export const INDEX_SOURCES = ['DTKS', 'REGSOSEK', 'P3KE', 'KEMENDES', 'BPJS'] as const;
export type IndexSource = (typeof INDEX_SOURCES)[number];

export const TARGETING_STATUSES = ['ON_TARGET', 'INCLUSION_ERROR', 'GRADUATION_CANDIDATE', 'EXCLUSION_ERROR', 'NOT_TARGETED'] as const;
export type TargetingStatusCode = (typeof TARGETING_STATUSES)[number];

/** The data-quality codes, in the order of the schema's enum. */
export const DATA_QUALITY_CODES = [
  'INVALID_NIK',
  'DUPLICATE_NIK',
  'KK_MISMATCH',
  'DESIL_CONFLICT',
  'DECEASED_RECEIVING',
  'MISSING_FROM_REGSOSEK',
  'REGION_MISMATCH',
  'PBI_JK_RECEIPT_MISMATCH',
] as const;
export type DataQualityCode = (typeof DATA_QUALITY_CODES)[number];

/** The filter as a client sends it (`HouseholdFilter`, or the export's query parameters). */
export interface HouseholdFilterInput {
  readonly regionPrefix?: string | null;
  readonly desilMin?: number | null;
  readonly desilMax?: number | null;
  readonly eligibleFor?: string | null;
  readonly targeting?: { readonly program?: string | null; readonly status?: string | null } | null;
  readonly dataQuality?: string | null;
  readonly inRegister?: string | null;
  readonly notInRegister?: string | null;
}

/** A checked filter; null fields do not filter. */
export interface HouseholdQuery {
  /** Plain digits, a region of Indonesia (common/regions). */
  readonly regionPrefix: string | null;
  readonly desilMin: number | null;
  readonly desilMax: number | null;
  readonly eligibleFor: IndexProgram | null;
  readonly targeting: { readonly program: TargetedIndexProgram; readonly status: TargetingStatusCode } | null;
  readonly dataQuality: DataQualityCode | null;
  readonly inRegister: IndexSource | null;
  readonly notInRegister: IndexSource | null;
}

export type FilterField =
  | 'regionPrefix'
  | 'desilMin'
  | 'desilMax'
  | 'eligibleFor'
  | 'targeting.program'
  | 'targeting.status'
  | 'dataQuality'
  | 'inRegister'
  | 'notInRegister';

/** How errors name a field: `filter.desilMin` in GraphQL, `desilMin` in the export's query string. */
export type ArgumentNamer = (field: FilterField) => string;

export const graphqlFilterArgument: ArgumentNamer = (field) => `filter.${field}`;

/**
 * A region code prefix as plain digits, which must be a region of Indonesia Kemendagri lists;
 * null when absent. BAD_USER_INPUT naming `argumentName` otherwise.
 */
export function parseKnownRegionPrefix(prefix: string | null | undefined, argumentName: string): string | null {
  if (prefix === null || prefix === undefined) return null;
  const plain = plainRegionCode(prefix);
  if (plain === null) {
    throw badUserInput(`${argumentName} must be a region code prefix such as 31.72, 3172 or 3172011001, got "${prefix}"`, argumentName);
  }
  if (!findRegion(plain)) throw badUserInput(`${argumentName} ${dottedRegionCode(plain)} is not a known region`, argumentName);
  return plain;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined, argumentName: string): T | null {
  if (value === null || value === undefined) return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw badUserInput(`${argumentName} must be one of ${allowed.join(', ')}, got "${value}"`, argumentName);
}

function targeting(input: HouseholdFilterInput['targeting'], name: ArgumentNamer): HouseholdQuery['targeting'] {
  if (input === null || input === undefined) return null;
  const program = oneOf(INDEX_PROGRAMS, input.program, name('targeting.program'));
  const status = oneOf(TARGETING_STATUSES, input.status, name('targeting.status'));
  if (program === null) throw badUserInput(`${name('targeting.program')} is needed with ${name('targeting.status')}`, name('targeting.program'));
  if (status === null) throw badUserInput(`${name('targeting.status')} is needed with ${name('targeting.program')}`, name('targeting.status'));
  if (!isTargetedProgramme(program)) {
    throw badUserInput(
      `${name('targeting.program')} must be a programme whose receipt a register records (${TARGETED_INDEX_PROGRAMS.join(', ')}), got ${program}`,
      name('targeting.program'),
    );
  }
  return { program, status };
}

/** Checks a households filter; BAD_USER_INPUT naming the offending field. */
export function parseHouseholdFilter(
  input: HouseholdFilterInput | null | undefined,
  name: ArgumentNamer = graphqlFilterArgument,
): HouseholdQuery {
  const filter = input ?? {};
  const { desilMin, desilMax } = parseDesilRange(filter.desilMin, filter.desilMax, name);
  return {
    regionPrefix: parseKnownRegionPrefix(filter.regionPrefix, name('regionPrefix')),
    desilMin,
    desilMax,
    eligibleFor: oneOf(INDEX_PROGRAMS, filter.eligibleFor, name('eligibleFor')),
    targeting: targeting(filter.targeting, name),
    dataQuality: oneOf(DATA_QUALITY_CODES, filter.dataQuality, name('dataQuality')),
    inRegister: oneOf(INDEX_SOURCES, filter.inRegister, name('inRegister')),
    notInRegister: oneOf(INDEX_SOURCES, filter.notInRegister, name('notInRegister')),
  };
}
