import type { PupilLevel, SchoolingRules } from '../rules/rule-set';
import type { LivingMember } from './members';
import { SCHOOL_PARTICIPATION_IN_SCHOOL } from './register-codes';

export interface PupilSchooling {
  readonly level: PupilLevel;
  /** The level is assumed from the age: P3KE says "in school" without a level. */
  readonly levelAssumed: boolean;
}

/**
 * The primary/secondary level a member attends now, or null (not in school, in higher education,
 * or unknown). Regsosek's answer wins; without a Regsosek record, P3KE's in-school flag with a level
 * assumed from the age.
 */
export function pupilSchooling(member: LivingMember, rules: SchoolingRules): PupilSchooling | null {
  if (member.regsosek) {
    const { schoolParticipation, schoolLevel } = member.regsosek;
    if (schoolParticipation !== SCHOOL_PARTICIPATION_IN_SCHOOL || schoolLevel === null || schoolLevel === 'HIGHER') return null;
    return { level: schoolLevel, levelAssumed: false };
  }
  if (!member.p3ke?.inSchool || member.age === null) return null;
  const age = member.age;
  const band = rules.levelByAgeWhenOnlyInSchoolIsKnown.find((candidate) => age <= candidate.maxAge);
  return band ? { level: band.level, levelAssumed: true } : null;
}
