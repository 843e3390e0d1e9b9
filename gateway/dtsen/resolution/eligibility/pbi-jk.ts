import { listing, plural, regsosekMissing, rupiah } from '../wording';
import { desilWithin, notExcluded } from './gates';
import { decision, type HouseholdFacts, type ProgramEligibility } from './types';

/**
 * Per person: the family passes the desil cut-off and has no exclusion; each living member not
 * already insured through an employer (Regsosek health-insurance bitmask) gets the premium paid.
 */
export function pbiJkEligibility(facts: HouseholdFacts): ProgramEligibility {
  const rules = facts.ruleSet.programs.PBI_JK;
  const desil = desilWithin(facts, 'PBI_JK', rules.maxDesil);
  const exclusions = notExcluded(facts, rules);
  const employerInsured = facts.members.filter(
    (member) => member.regsosek !== null && (member.regsosek.healthInsurance & rules.employerInsuranceBit) !== 0,
  );
  const covered = facts.members.filter((member) => !employerInsured.includes(member));
  const reasons = [...desil.reasons, ...exclusions.reasons];
  if (covered.length > 0) {
    reasons.push(
      `${plural(covered.length, 'member')} not insured through an employer, ${rupiah(rules.monthlyAmountPerPerson)} a month each: ${listing(covered.map((member) => member.nik))}`,
    );
  } else {
    reasons.push('No living member without employer health insurance');
  }
  if (employerInsured.length > 0) {
    reasons.push(
      `Already insured through an employer (Regsosek health insurance): ${listing(employerInsured.map((member) => member.nik))}`,
    );
  }
  const regsosek = facts.household.regsosek;
  if (!regsosek) reasons.push(`${regsosekMissing(regsosek)}, so health insurance could not be checked`);
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
