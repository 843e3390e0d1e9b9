import { maskIdentifier, maskName } from '../../common/auth/masking';
import { hasScope, programmeAllowed, type Principal } from '../../common/auth/principal';
import type { DataQualityIssue } from './resolution/data-quality';
import type { ProgramEligibility } from './resolution/eligibility';
import type { TargetingStatus } from './resolution/targeting';

// What a principal sees of the dtsen subgraph's own outputs. The resolution always runs on the
// unmasked records (eligibility depends on them); only what leaves is masked or left out. Entity
// keys (Household.noKK, Person.nik) are not masked here: the planner joins on them, and the gateway
// masks them in the final response.

/**
 * NIKs and No. KKs written into reasons and details. Those texts hold no other run of more than 10
 * digits (region codes have 10, amounts are grouped), and a malformed NIK of 11 to 15 digits is
 * still somebody's identifier.
 */
const IDENTIFIER_IN_TEXT = /(?<!\d)\d{11,}(?!\d)/g;

export function maskIdentifiersIn(text: string): string {
  return text.replace(IDENTIFIER_IN_TEXT, maskIdentifier);
}

export function disclosedName(principal: Principal, name: string | null): string | null {
  return name === null || hasScope(principal, 'pii') ? name : maskName(name);
}

/** A partner sees only its programmes; without `pii`, beneficiaries and the NIKs in reasons are masked. */
export function disclosedEligibility(principal: Principal, entries: readonly ProgramEligibility[]): ProgramEligibility[] {
  const allowed = entries.filter((entry) => programmeAllowed(principal, entry.program));
  if (hasScope(principal, 'pii')) return allowed;
  return allowed.map((entry) => ({
    ...entry,
    reasons: entry.reasons.map(maskIdentifiersIn),
    beneficiaries: entry.beneficiaries.map(maskIdentifier),
  }));
}

export function disclosedTargeting(principal: Principal, entries: readonly TargetingStatus[]): TargetingStatus[] {
  return entries.filter((entry) => programmeAllowed(principal, entry.program));
}

export function disclosedIssues(principal: Principal, issues: readonly DataQualityIssue[]): readonly DataQualityIssue[] {
  if (hasScope(principal, 'pii')) return issues;
  return issues.map((issue) => ({
    ...issue,
    nik: issue.nik === null ? null : maskIdentifier(issue.nik),
    detail: maskIdentifiersIn(issue.detail),
  }));
}
