import { hasScope, programmeAllowed, type Principal } from '../common/auth/principal';
import { badUserInput, forbidden } from '../common/errors';
import { isPeriod } from '../common/period';
import { PROGRAMME_NAMES, isProgramme, type Programme } from '../common/programmes';
import type { ResolutionPeriodRow } from './period-entities';
import type { EligibilityChangeQuery, EligibilityChangeRow, PeriodEnd } from './period-query-repository';
import { isEligible, targetingStatus } from './period-state';

// `eligibilityChanges` and its CSV: who may ask, which periods, and what a change says. The reasons
// are worked out from what the two kept periods hold of the family (in the registers or not, desil,
// targeting status, rule set), never from the registers' records: they are as public as the desil
// and eligibility they compare, and a period's detailed explanation, which rests on members'
// records, is not kept (docs/rules.md, "Reasons of an eligibility change").

export type EligibilityChangeKind = 'ADDED' | 'REMOVED';

export interface EligibilityChangeAnswer {
  readonly noKK: string;
  readonly regionCode: string | null;
  readonly change: EligibilityChangeKind;
  readonly desilBefore: { readonly value: number; readonly source: string } | null;
  readonly desilAfter: { readonly value: number; readonly source: string } | null;
  readonly targetingBefore: string | null;
  readonly targetingAfter: string | null;
  readonly reasons: readonly string[];
}

/**
 * Who may list a programme's changes: a reader with the `search` scope (analysts, caseworkers in
 * their regions), or a partner for its own programmes. FORBIDDEN otherwise.
 */
export function checkChangeReader(principal: Principal, program: string, what: string): void {
  const partner = principal.programmes !== null;
  if (!hasScope(principal, 'search') && !partner) throw forbidden(`${what} needs the search scope or a partner's programme`);
  if (!programmeAllowed(principal, program)) throw forbidden(`${what} of ${program}: a partner reads the changes of its own programmes only`);
}

/** BAD_USER_INPUT naming `argumentName` unless `period` is a period the index keeps. */
export function keptPeriod(period: string, kept: readonly ResolutionPeriodRow[], argumentName: string): ResolutionPeriodRow {
  if (!isPeriod(period)) throw badUserInput(`${argumentName} must be a period as YYYY-MM, got "${period}"`, argumentName);
  const found = kept.find((row) => row.period === period);
  if (!found) {
    const known = kept.length === 0 ? 'it keeps none yet (npm run resolve -- --period YYYY-MM)' : `it keeps ${kept.map((row) => row.period).join(', ')}`;
    throw badUserInput(`${argumentName} ${period} is not a period the resolution index keeps: ${known}`, argumentName);
  }
  return found;
}

/** The checked arguments of `eligibilityChanges`; BAD_USER_INPUT naming the argument. */
export function parseEligibilityChangeQuery(
  input: { readonly program: string; readonly from: string; readonly to: string },
  kept: readonly ResolutionPeriodRow[],
): { readonly query: EligibilityChangeQuery; readonly from: ResolutionPeriodRow; readonly to: ResolutionPeriodRow } {
  if (!isProgramme(input.program)) throw badUserInput(`program must be a programme, got "${input.program}"`, 'program');
  const from = keptPeriod(input.from, kept, 'from');
  const to = keptPeriod(input.to, kept, 'to');
  if (to.period <= from.period) throw badUserInput(`to (${to.period}) must be a period after from (${from.period})`, 'to');
  return { query: { program: input.program, from: from.period, to: to.period }, from, to };
}

function desilOf(end: PeriodEnd): EligibilityChangeAnswer['desilBefore'] {
  return end.desil === null || end.desilSource === null ? null : { value: end.desil, source: end.desilSource };
}

const desilText = (end: PeriodEnd) => (end.desil === null ? 'unranked' : `desil ${end.desil} (${end.desilSource})`);

/** Why the family entered or left the programme's list, from what the two periods keep of it. */
export function changeReasons(row: EligibilityChangeRow, program: Programme, from: ResolutionPeriodRow, to: ResolutionPeriodRow): string[] {
  const name = PROGRAMME_NAMES[program];
  const { before, after } = row;
  const reasons: string[] = [];
  if (!before.inRegisters) reasons.push(`Not in the registers in ${from.period}; in them in ${to.period}`);
  if (!after.inRegisters) reasons.push(`In the registers in ${from.period}; no register holds the family in ${to.period}`);
  if (before.inRegisters && after.inRegisters) {
    if (before.desil !== after.desil || before.desilSource !== after.desilSource) {
      reasons.push(`Resolved desil moved from ${desilText(before)} in ${from.period} to ${desilText(after)} in ${to.period}`);
    } else {
      reasons.push(
        `Resolved desil unchanged (${desilText(after)}): another of ${name}'s conditions changed (members, receipts, exclusions); the family's eligibility reasons tell which`,
      );
    }
  }
  const statusBefore = targetingStatus(before, program);
  const statusAfter = targetingStatus(after, program);
  if (statusBefore !== null && statusAfter !== null && statusBefore !== statusAfter) {
    reasons.push(`${name} targeting moved from ${statusBefore} to ${statusAfter}`);
  }
  if (from.ruleSet !== to.ruleSet) reasons.push(`Resolved under rule set ${from.ruleSet} in ${from.period} and ${to.ruleSet} in ${to.period}`);
  return reasons;
}

export function eligibilityChangeAnswer(row: EligibilityChangeRow, program: Programme, from: ResolutionPeriodRow, to: ResolutionPeriodRow): EligibilityChangeAnswer {
  return {
    noKK: row.noKK,
    regionCode: row.regionCode,
    change: isEligible(row.after, program) ? 'ADDED' : 'REMOVED',
    desilBefore: desilOf(row.before),
    desilAfter: desilOf(row.after),
    targetingBefore: targetingStatus(row.before, program),
    targetingAfter: targetingStatus(row.after, program),
    reasons: changeReasons(row, program, from, to),
  };
}
