import type { HouseholdQualityRepresentation } from '../../representation';
import type { RuleSet } from '../../rules/rule-set';
import { livingMembers } from '../members';
import { desilConflict, missingFromRegsosek, pbiJkReceiptMismatch, regionMismatch } from './family-issues';
import { listingsOf } from './listings';
import { deceasedReceiving, duplicateNiks, invalidNiks, kkMismatches } from './member-issues';
import type { DataQualityIssue } from './types';

export type { DataQualityCode, DataQualityIssue } from './types';

/**
 * The data-quality issues of one family (definitions in docs/data-quality.md), in the order of the
 * DataQualityCode enum, then register, then member.
 */
export function detectDataQuality(
  household: HouseholdQualityRepresentation,
  ruleSet: RuleSet,
  evaluationDate: Date,
): DataQualityIssue[] {
  const listings = listingsOf(household);
  return [
    ...invalidNiks(listings, evaluationDate),
    ...duplicateNiks(listings),
    ...kkMismatches(household.noKK, listings),
    ...desilConflict(household, ruleSet.desil),
    ...deceasedReceiving(household),
    ...missingFromRegsosek(household),
    ...regionMismatch(household),
    ...pbiJkReceiptMismatch(household, livingMembers(household, evaluationDate)),
  ];
}
