import type { HouseholdRepresentation } from '../representation';
import type { ExclusionRules, InstalledPowerCode } from '../rules/rule-set';
import type { LivingMember } from './members';
import { identifier, listing, say, type Statement } from './statement';
import { regsosekMissing } from './wording';

export type ExclusionKind = 'PUBLIC_EMPLOYMENT' | 'CAR' | 'ELECTRICITY';

export interface ExclusionFinding {
  readonly kind: ExclusionKind;
  readonly reason: Statement;
}

export interface ExclusionCheck {
  /** False when Regsosek's facts were not available: nothing could be checked. */
  readonly checked: boolean;
  readonly findings: readonly ExclusionFinding[];
  /** What a caseworker reads: the findings, or why none applies, or why nothing was checked. */
  readonly reasons: readonly Statement[];
}

function va(amount: number): string {
  return `${amount.toLocaleString('en-US')} VA`;
}

function describePower(power: InstalledPowerCode): string {
  return power.above ? `above ${va(power.va)}` : va(power.va);
}

function exceeds(power: InstalledPowerCode, maxVA: number): boolean {
  return power.va > maxVA || (power.above && power.va >= maxVA);
}

function whatWasChecked(rules: ExclusionRules): string[] {
  const checked: string[] = [];
  if (rules.publicEmployment.enabled) checked.push('no member works as civil servant/army/police/state-enterprise employee or official');
  if (rules.car.enabled) checked.push('no car');
  if (rules.electricity.enabled) checked.push(`installed electricity not above ${va(rules.electricity.maxInstalledPowerVA)}`);
  return checked;
}

/**
 * The exclusions of the rule set, on Regsosek's facts (the only register that records employment,
 * assets and housing) and over living members only. Without Regsosek nothing can be checked and
 * the family is not excluded; the reasons say so.
 */
export function checkExclusions(
  household: HouseholdRepresentation,
  members: readonly LivingMember[],
  rules: ExclusionRules,
): ExclusionCheck {
  const checkedItems = whatWasChecked(rules);
  if (checkedItems.length === 0) return { checked: true, findings: [], reasons: [] };
  const regsosek = household.regsosek;
  if (!regsosek) {
    return {
      checked: false,
      findings: [],
      reasons: [say`${regsosekMissing(regsosek)}, so exclusions (employment, car, electricity) could not be checked`],
    };
  }
  const findings: ExclusionFinding[] = [];
  if (rules.publicEmployment.enabled) {
    for (const member of members) {
      const status = member.regsosek?.employmentStatus;
      if (status != null && rules.publicEmployment.employmentStatusCodes.includes(status)) {
        findings.push({
          kind: 'PUBLIC_EMPLOYMENT',
          reason: say`A member (${identifier(member.nik)}) works as civil servant/army/police/state-enterprise employee or official (Regsosek employment status ${status})`,
        });
      }
    }
  }
  if (rules.car.enabled && regsosek.assets.car) {
    findings.push({ kind: 'CAR', reason: say`The family owns a car (Regsosek assets)` });
  }
  const powerCode = regsosek.housing.installedPower;
  const power = rules.electricity.installedPowerCodes.find((entry) => entry.code === powerCode);
  if (rules.electricity.enabled && power && exceeds(power, rules.electricity.maxInstalledPowerVA)) {
    findings.push({
      kind: 'ELECTRICITY',
      reason: say`Installed electricity ${describePower(power)} is above the ${va(rules.electricity.maxInstalledPowerVA)} limit (Regsosek installed power code ${power.code})`,
    });
  }
  return {
    checked: true,
    findings,
    reasons: findings.length > 0 ? findings.map((finding) => finding.reason) : [say`No exclusion applies: ${listing(checkedItems)}`],
  };
}
