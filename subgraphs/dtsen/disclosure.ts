import { seesSensitive, shownIdentity } from '../../common/auth/disclosure';
import { programmeAllowed, type Principal } from '../../common/auth/principal';
import type { DataQualityIssue } from './domain/data-quality';
import type { HouseholdResolution } from './domain/household';
import { render, type Statement } from './domain/statement';
import type { TargetingStatus } from './domain/targeting';

// What a principal sees of the dtsen subgraph's DERIVED outputs and of its programme-bound lists
// (the rules are common/auth/disclosure.ts). The resolution always runs on the unmasked records
// (eligibility depends on them); only what leaves is masked, withheld or left out. Fields whose
// `@disclosure` class masks them (names, birth dates, a finding's NIK, a NIK's readings) are masked
// by the schema (common/auth/schema-disclosure.ts); entity keys by the gateway.

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

/** `TargetingStatus` as the API answers it. */
export type TargetingAnswer<Entry extends TargetingStatus> = Omit<Entry, 'reasons'> & { readonly reasons: readonly string[] };

/**
 * The targeting entries of the programmes the reader may see (a partner: its own), each kept whole.
 * Their reasons name receipt, eligibility, the desil and the cut-off, which every reader of them sees.
 */
export function disclosedTargeting<Entry extends TargetingStatus>(principal: Principal, entries: readonly Entry[]): TargetingAnswer<Entry>[] {
  const statement = statementsFor(principal);
  return entries.filter((entry) => programmeAllowed(principal, entry.program)).map((entry) => ({ ...entry, reasons: entry.reasons.map(statement) }));
}

/** `DataQualityIssue` as the API answers it. */
export interface DataQualityAnswer extends Omit<DataQualityIssue, 'detail'> {
  readonly detail: string;
}

/** The findings with their details rendered for the reader; the finding's `nik` is IDENTIFIER, masked by the schema. */
export function disclosedIssues(principal: Principal, issues: readonly DataQualityIssue[]): DataQualityAnswer[] {
  const statement = statementsFor(principal);
  return issues.map((issue) => ({ ...issue, detail: statement(issue.detail) }));
}
