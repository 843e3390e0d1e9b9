import { isReceiving } from '../receipts';
import { pupilSchooling } from '../schooling';
import { identifier, joined, say, type Statement } from '../statement';
import { plural, regsosekMissing, rupiah } from '../wording';
import { desilWithin, notExcluded } from './gates';
import { decision, type HouseholdFacts, type ProgramEligibility } from './types';

/**
 * Per pupil aged within the PIP ages in school at SD/SMP/SMA, when the family passes the desil
 * cut-off, or receives PKH (DTKS, active), or is eligible for PKH.
 */
export function pipEligibility(facts: HouseholdFacts, pkh: Pick<ProgramEligibility, 'eligible'>): ProgramEligibility {
  const rules = facts.ruleSet.programs.PIP;
  const desil = desilWithin(facts, 'PIP', rules.maxDesil);
  const receivesPkh = rules.eligibleWhenReceivingPkh && isReceiving(facts.household.dtks, 'PKH');
  const eligibleForPkh = rules.eligibleWhenEligibleForPkh && pkh.eligible;
  const familyReasons: Statement[] = [...desil.reasons];
  if (receivesPkh) familyReasons.push(say`The family receives PKH (DTKS, active)`);
  if (eligibleForPkh) familyReasons.push(say`The family is eligible for PKH`);
  if (!desil.passes && !receivesPkh && !eligibleForPkh) familyReasons.push(say`The family neither receives nor is eligible for PKH`);
  const familyPasses = desil.passes || receivesPkh || eligibleForPkh;
  const exclusions = notExcluded(facts, rules);

  const pupils = facts.members.flatMap((member) => {
    if (member.age === null || member.age < rules.minAge || member.age > rules.maxAge) return [];
    const schooling = pupilSchooling(member, facts.ruleSet.schooling);
    return schooling ? [{ nik: member.nik, ...schooling }] : [];
  });
  const total = pupils.reduce((sum, pupil) => sum + rules.annualAmounts[pupil.level], 0);
  const pupilReasons =
    pupils.length > 0
      ? [
          say`${plural(pupils.length, 'pupil')} (${rupiah(total)} a year): ${joined(
            pupils.map((pupil) => say`${pupil.level} (${identifier(pupil.nik)}${pupil.levelAssumed ? ', level assumed from age' : ''})`),
            ', ',
          )}`,
        ]
      : [say`No living member aged ${rules.minAge}-${rules.maxAge} is in school at SD, SMP or SMA`];
  const regsosek = facts.household.regsosek;
  const missing = regsosek ? [] : [say`${regsosekMissing(regsosek)}: schooling comes from P3KE`];

  const eligible = familyPasses && exclusions.passes && pupils.length > 0;
  return decision(
    facts,
    'PIP',
    eligible,
    [...familyReasons, ...exclusions.reasons, ...pupilReasons, ...missing],
    total,
    pupils.map((pupil) => pupil.nik),
  );
}
