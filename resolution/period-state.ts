import { INDEX_PROGRAMS, TARGETED_INDEX_PROGRAMS, programSuffix, type ResolvedHouseholdRow } from './entities';
import type { PeriodHouseholdRow } from './period-entities';

// A family's state at a period in few bytes: eligibility as a bit per programme, targeting as a
// character per targeted programme, the registers holding it as a bit each. The orders below are
// stored: append to them, never reorder.

/** The registers, in the order of their bits. */
export const SOURCES = ['DTKS', 'REGSOSEK', 'P3KE', 'KEMENDES', 'BPJS'] as const;

/** Targeting statuses by their stored character; GRADUATION_CANDIDATE is the domain core's later status. */
const TARGETING_CODES: Readonly<Record<string, string>> = {
  NOT_TARGETED: 'N',
  ON_TARGET: 'O',
  INCLUSION_ERROR: 'I',
  EXCLUSION_ERROR: 'E',
  GRADUATION_CANDIDATE: 'G',
};
const TARGETING_BY_CODE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(TARGETING_CODES).map(([status, code]) => [code, status]));

/** What a period keeps of a family: a period row without its period bounds. */
export type PeriodState = Omit<PeriodHouseholdRow, 'noKK' | 'period' | 'untilPeriod'>;

/** The kept state of a family as the index holds it now. */
export function periodStateOf(row: ResolvedHouseholdRow): PeriodState {
  const fields = row as unknown as Record<string, unknown>;
  let eligible = 0;
  INDEX_PROGRAMS.forEach((program, bit) => {
    if (fields[`eligible${programSuffix(program)}`] === true || fields[`eligible${programSuffix(program)}`] === 1) eligible |= 1 << bit;
  });
  const targeting = TARGETED_INDEX_PROGRAMS.map((program) => {
    const status = String(fields[`targeting${programSuffix(program)}`]);
    const code = TARGETING_CODES[status];
    if (code === undefined) throw new Error(`No stored code for the targeting status ${status}`);
    return code;
  }).join('');
  const held = [row.inDtks, row.inRegsosek, row.inP3ke, row.inKemendes, row.inBpjs];
  const sources = held.reduce<number>((bits, isHeld, bit) => (isHeld ? bits | (1 << bit) : bits), 0);
  return {
    listingKey: row.listingKey ?? '',
    regionCode: row.regionCode,
    desil: row.desil,
    desilSource: row.desilSource,
    eligible,
    targeting,
    sources,
    leftRegister: false,
  };
}

/** The state of a family that left the registers: its listing key and last region, nothing else. */
export function leftState(last: PeriodState): PeriodState {
  return { listingKey: last.listingKey, regionCode: last.regionCode, desil: null, desilSource: null, eligible: 0, targeting: '', sources: 0, leftRegister: true };
}

export function sameState(a: PeriodState, b: PeriodState): boolean {
  return (
    a.regionCode === b.regionCode &&
    a.desil === b.desil &&
    a.desilSource === b.desilSource &&
    a.eligible === b.eligible &&
    a.targeting === b.targeting &&
    a.sources === b.sources &&
    Boolean(a.leftRegister) === Boolean(b.leftRegister)
  );
}

/** The bit of a programme in `eligible`. */
export function eligibleBit(program: string): number {
  const bit = (INDEX_PROGRAMS as readonly string[]).indexOf(program);
  if (bit < 0) throw new Error(`Not a programme: ${program}`);
  return 1 << bit;
}

/** The bit of a register in `sources`. */
export function sourceBit(source: string): number {
  const bit = (SOURCES as readonly string[]).indexOf(source);
  if (bit < 0) throw new Error(`Not a register: ${source}`);
  return 1 << bit;
}

export function isEligible(state: Pick<PeriodState, 'eligible'>, program: string): boolean {
  return (state.eligible & eligibleBit(program)) !== 0;
}

/** A programme's targeting status in a state; null when the state keeps none (a family that left). */
export function targetingStatus(state: Pick<PeriodState, 'targeting'>, program: string): string | null {
  const position = (TARGETED_INDEX_PROGRAMS as readonly string[]).indexOf(program);
  const code = position < 0 ? undefined : state.targeting.charAt(position);
  return code ? (TARGETING_BY_CODE[code] ?? null) : null;
}

/** The stored character of a targeting status, for a filter on it. */
export function targetingCode(status: string): string {
  const code = TARGETING_CODES[status];
  if (code === undefined) throw new Error(`No stored code for the targeting status ${status}`);
  return code;
}

/** The position (1-based, as SQL's SUBSTR counts) of a programme's character in `targeting`. */
export function targetingPosition(program: string): number {
  const position = (TARGETED_INDEX_PROGRAMS as readonly string[]).indexOf(program);
  if (position < 0) throw new Error(`Not a targeted programme: ${program}`);
  return position + 1;
}
