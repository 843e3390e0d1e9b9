import { bpjsPbiEnrolments } from '../receipts';
import { identifier, listing, say, type Statement } from '../statement';
import { plural, regsosekMissing, rupiah } from '../wording';
import { desilWithin, notExcluded } from './gates';
import { decision, type HouseholdFacts, type ProgramEligibility } from './types';

/**
 * Per person: the family passes the desil cut-off and has no exclusion; each living member not
 * already insured through an employer (Regsosek health-insurance bitmask) gets the premium paid.
 * Health insurance is sensitive data: in the explanation for a reader without the `sensitive`
 * scope it is withheld (null), and members whose coverage turns on it are neither listed nor named.
 */
export function pbiJkEligibility(facts: HouseholdFacts): ProgramEligibility {
  const rules = facts.ruleSet.programs.PBI_JK;
  const desil = desilWithin(facts, 'PBI_JK', rules.maxDesil);
  const exclusions = notExcluded(facts, rules);
  const withheld = facts.members.filter((member) => member.regsosek !== null && member.regsosek.healthInsurance === null);
  const employerInsured = facts.members.filter(
    (member) => member.regsosek !== null && member.regsosek.healthInsurance !== null && (member.regsosek.healthInsurance & rules.employerInsuranceBit) !== 0,
  );
  const covered = facts.members.filter((member) => !employerInsured.includes(member) && !withheld.includes(member));
  const reasons: Statement[] = [...desil.reasons, ...exclusions.reasons];
  if (covered.length > 0) {
    reasons.push(
      say`${plural(covered.length, 'member')} not insured through an employer, ${rupiah(rules.monthlyAmountPerPerson)} a month each: ${listing(covered.map((member) => identifier(member.nik)))}`,
    );
  } else if (withheld.length === 0) {
    reasons.push(say`No living member without employer health insurance`);
  }
  if (employerInsured.length > 0) {
    reasons.push(say`Already insured through an employer (Regsosek health insurance): ${listing(employerInsured.map((member) => identifier(member.nik)))}`);
  }
  if (withheld.length > 0) {
    reasons.push(
      say`Whether ${plural(withheld.length, 'member')} recorded by Regsosek ${withheld.length === 1 ? 'is' : 'are'} insured through an employer is sensitive data and is not shown here; the benefit counts every member who is not, ${rupiah(rules.monthlyAmountPerPerson)} a month each`,
    );
  }
  const regsosek = facts.household.regsosek;
  if (!regsosek) reasons.push(say`${regsosekMissing(regsosek)}, so health insurance could not be checked`);
  reasons.push(bpjsReceipt(facts));
  const eligible = desil.passes && exclusions.passes && covered.length > 0;
  return decision(
    facts,
    'PBI_JK',
    eligible,
    reasons,
    rules.monthlyAmountPerPerson * 12 * covered.length,
    covered.map((member) => member.nik),
  );
}

/** What BPJS Kesehatan, which records PBI-JK receipt (targeting.ts), says of the family's members. */
function bpjsReceipt(facts: HouseholdFacts): Statement {
  const bpjs = facts.household.bpjs;
  if (bpjs === undefined) return say`BPJS Kesehatan could not be asked; PBI-JK receipt is read from DTKS`;
  if (bpjs.some((enrolment) => enrolment.segment === null)) return say`Which members BPJS Kesehatan enrols as PBI is sensitive data and is not shown here`;
  const enrolled = bpjsPbiEnrolments(bpjs, facts.members);
  if (enrolled.length === 0) return say`BPJS Kesehatan lists no living member enrolled as PBI`;
  return say`BPJS Kesehatan lists ${plural(enrolled.length, 'member')} enrolled as PBI: ${listing(enrolled.map((enrolment) => identifier(enrolment.nik)))}`;
}
