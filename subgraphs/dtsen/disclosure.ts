import { seesIdentity, seesSensitive, shownIdentity } from '../../common/auth/disclosure';
import type { NikCheck } from '../../common/identifiers';
import { programmeAllowed, type Principal } from '../../common/auth/principal';
import type { DataQualityIssue } from './domain/data-quality';
import type { HouseholdResolution } from './domain/household';
import { render, type Statement } from './domain/statement';
import type { TargetingStatus } from './domain/targeting';

// What a principal sees of the dtsen subgraph's own outputs (the rules are common/auth/disclosure.ts).
// The resolution always runs on the unmasked records (eligibility depends on them); only what
// leaves is masked, withheld or left out. Entity keys (Household.noKK, Person.nik) are not masked
// here: the planner joins on them, and the gateway masks them in the final response.

type Eligibility = HouseholdResolution['eligibility'][number];

/** `ProgramEligibility` as the API answers it. */
export interface EligibilityAnswer {
  readonly program: Eligibility['program'];
  readonly eligible: boolean;
  readonly reasons: readonly string[];
  readonly estimatedAnnualBenefit: number;
  readonly beneficiaries: readonly string[];
  readonly ruleSet: string;
  readonly complete: boolean;
}

function statementsFor(principal: Principal): (statement: Statement) => string {
  const identifier = shownIdentity(principal, 'identifier');
  return (statement) => render(statement, identifier);
}

export function disclosedName(principal: Principal, name: string | null): string | null {
  return name === null ? null : shownIdentity(principal, 'name')(name);
}

export function disclosedBirthDate(principal: Principal, birthDate: string | null): string | null {
  return birthDate === null ? null : shownIdentity(principal, 'birthDate')(birthDate);
}

/**
 * A partner sees only its programmes. Whether a family is eligible and its estimated benefit are
 * the full resolution's for every reader; why, and for whom, comes from `withoutSensitive()` for a
 * reader without the `sensitive` scope (the same rules with the sensitive fields withheld), with
 * its NIKs masked for a reader without `pii`.
 */
export function disclosedEligibility(
  principal: Principal,
  full: HouseholdResolution['eligibility'],
  withoutSensitive: () => HouseholdResolution['eligibility'],
): EligibilityAnswer[] {
  const explained = seesSensitive(principal) ? full : withoutSensitive();
  const statement = statementsFor(principal);
  const identifier = shownIdentity(principal, 'identifier');
  return full.flatMap((entry, index) => {
    if (!programmeAllowed(principal, entry.program)) return [];
    const explanation = explained[index];
    if (explanation?.program !== entry.program) throw new Error(`The explanations are not in programme order at ${entry.program}`);
    return [
      {
        program: entry.program,
        eligible: entry.eligible,
        reasons: explanation.reasons.map(statement),
        estimatedAnnualBenefit: entry.estimatedAnnualBenefit,
        beneficiaries: explanation.beneficiaries.map(identifier),
        ruleSet: entry.ruleSet,
        complete: entry.complete,
      },
    ];
  });
}

export function disclosedTargeting(principal: Principal, entries: readonly TargetingStatus[]): TargetingStatus[] {
  return entries.filter((entry) => programmeAllowed(principal, entry.program));
}

/** `DataQualityIssue` as the API answers it. */
export interface DataQualityAnswer extends Omit<DataQualityIssue, 'detail'> {
  readonly detail: string;
}

export function disclosedIssues(principal: Principal, issues: readonly DataQualityIssue[]): DataQualityAnswer[] {
  const statement = statementsFor(principal);
  const identifier = shownIdentity(principal, 'identifier');
  return issues.map((issue) => ({ ...issue, nik: issue.nik === null ? null : identifier(issue.nik), detail: statement(issue.detail) }));
}

/**
 * The structure check of a NIK. Its readings (district, birth date, sex) are the digits a masked
 * NIK hides, so a reader without `pii` gets only whether the NIK is valid and which part fails.
 */
export function disclosedNikCheck(principal: Principal, check: NikCheck): NikCheck {
  if (seesIdentity(principal)) return check;
  return { ...check, birthDate: null, sex: null, districtCode: null };
}
