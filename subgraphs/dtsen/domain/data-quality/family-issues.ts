import { plainRegionCode } from '../../../../common/regions';
import type { HouseholdQualityRepresentation } from '../../representation';
import type { DesilRules } from '../../rules/rule-set';
import { conflictingPairs, desilCandidates } from '../desil';
import { SOURCE_NAMES, householdSources, sortSources, type Source } from '../sources';
import type { LivingMember } from '../members';
import { bpjsPbiEnrolments, isReceiving } from '../receipts';
import { say } from '../statement';
import { sourceListing } from '../wording';
import type { DataQualityIssue } from './types';

/** Two ranked desil candidates at least the conflict distance apart; one issue naming every source involved. */
export function desilConflict(household: HouseholdQualityRepresentation, rules: DesilRules): DataQualityIssue[] {
  const pairs = conflictingPairs(desilCandidates(household, rules), rules);
  if (pairs.length === 0) return [];
  const involved = [...new Set(pairs.flat())];
  const values = involved.map((candidate) => `${SOURCE_NAMES[candidate.source]} ${candidate.value} (${candidate.basis})`);
  return [
    {
      code: 'DESIL_CONFLICT',
      sources: sortSources(involved.map((candidate) => candidate.source)),
      nik: null,
      detail: say`Desil differs by ${rules.conflictDistance} or more between sources: ${values.join(', ')}`,
    },
  ];
}

/** DTKS or P3KE holds the family and Regsosek does not (null; an unanswered Regsosek proves nothing). */
export function missingFromRegsosek(household: HouseholdQualityRepresentation): DataQualityIssue[] {
  if (household.regsosek !== null) return [];
  const holders = householdSources(household);
  if (holders.length === 0) return [];
  return [
    {
      code: 'MISSING_FROM_REGSOSEK',
      sources: holders,
      nik: null,
      detail: say`${sourceListing(holders)} ${holders.length === 1 ? 'holds' : 'hold'} this family; Regsosek does not`,
    },
  ];
}

/** Registers holding the family give different region codes; every register holding it is involved. */
export function regionMismatch(household: HouseholdQualityRepresentation): DataQualityIssue[] {
  const codes = (
    [
      ['DTKS', household.dtks?.regionCode],
      ['REGSOSEK', household.regsosek?.regionCode],
      ['P3KE', household.p3ke?.regionCode],
    ] as const
  ).flatMap(([source, code]) => (code === undefined ? [] : [{ source: source as Source, code: plainRegionCode(code) ?? code }]));
  if (new Set(codes.map((entry) => entry.code)).size < 2) return [];
  return [
    {
      code: 'REGION_MISMATCH',
      sources: sortSources(codes.map((entry) => entry.source)),
      nik: null,
      detail: say`Region codes differ: ${codes.map((entry) => `${SOURCE_NAMES[entry.source]} ${entry.code}`).join(', ')}`,
    },
  ];
}

/**
 * DTKS and BPJS Kesehatan disagree on PBI-JK receipt: DTKS records an active PBI-JK receipt and no
 * living member has an active PBI enrolment in BPJS, or the other way round. Only when both hold
 * their part: DTKS the family, BPJS an answer (an unanswered BPJS proves nothing).
 */
export function pbiJkReceiptMismatch(household: HouseholdQualityRepresentation, members: readonly LivingMember[]): DataQualityIssue[] {
  if (!household.dtks || household.bpjs === undefined) return [];
  const dtksReceiving = isReceiving(household.dtks, 'PBI_JK');
  const enrolled = bpjsPbiEnrolments(household.bpjs, members);
  if (dtksReceiving === enrolled.length > 0) return [];
  // Said of the family, as targeting says receipt: which members BPJS enrols as PBI is their health
  // insurance, sensitive, and every reader of data quality is told this detail.
  const detail = dtksReceiving
    ? say`DTKS records an active PBI-JK receipt; BPJS Kesehatan lists no living member with an active PBI enrolment`
    : say`BPJS Kesehatan lists a living member with an active PBI enrolment; DTKS records no active PBI-JK receipt`;
  return [{ code: 'PBI_JK_RECEIPT_MISMATCH', sources: ['DTKS', 'BPJS'], nik: null, detail }];
}
