import type { PkhComponent } from '../../../../generated/requires/representations';
import type { RegsosekMemberRepresentation } from '../../representation';
import type { PkhComponentRule, PkhRules, SchoolingRules } from '../../rules/rule-set';
import type { LivingMember } from '../members';
import { pupilSchooling } from '../schooling';
import { identifier, joined, listing, say, type Statement } from '../statement';
import { plural, regsosekMissing, rupiah } from '../wording';
import { desilWithin, notExcluded } from './gates';
import { decision, type HouseholdFacts, type ProgramEligibility } from './types';

export interface CountedComponent {
  readonly component: PkhComponent;
  readonly nik: string;
  readonly annualAmount: number;
  readonly levelAssumed: boolean;
}

export interface PkhComponents {
  readonly counted: readonly CountedComponent[];
  /** Members who qualify only for components whose family cap was already reached. */
  readonly overCap: readonly { readonly nik: string; readonly rule: PkhComponentRule }[];
}

const WASHINGTON_GROUP_DOMAINS: readonly (keyof NonNullable<RegsosekMemberRepresentation['difficulty']>)[] = [
  'vision',
  'hearing',
  'walking',
  'hands',
  'learning',
  'behaviour',
  'communication',
  'selfCare',
];

const PUPIL_LEVEL = { PUPIL_SD: 'SD', PUPIL_SMP: 'SMP', PUPIL_SMA: 'SMA' } as const;

function withinAges(member: LivingMember, rule: PkhComponentRule): boolean {
  if (rule.minAge === null && rule.maxAge === null) return true;
  if (member.age === null) return false;
  return (rule.minAge === null || member.age >= rule.minAge) && (rule.maxAge === null || member.age <= rule.maxAge);
}

/** Whether the member qualifies for the component; `levelAssumed` for pupils whose level comes from the age. */
function qualification(
  member: LivingMember,
  rule: PkhComponentRule,
  rules: PkhRules,
  schooling: SchoolingRules,
): { readonly levelAssumed: boolean } | null {
  if (!withinAges(member, rule)) return null;
  switch (rule.component) {
    case 'PREGNANT':
      return member.regsosek?.pregnant ? { levelAssumed: false } : null;
    case 'SEVERE_DISABILITY': {
      const difficulty = member.regsosek?.difficulty;
      const severe = difficulty && WASHINGTON_GROUP_DOMAINS.some((domain) => difficulty[domain] === rules.severeDisabilityDifficultyCode);
      return severe ? { levelAssumed: false } : null;
    }
    case 'EARLY_CHILDHOOD':
    case 'ELDERLY':
      return { levelAssumed: false };
    case 'PUPIL_SD':
    case 'PUPIL_SMP':
    case 'PUPIL_SMA': {
      const pupil = pupilSchooling(member, schooling);
      return pupil?.level === PUPIL_LEVEL[rule.component] ? { levelAssumed: pupil.levelAssumed } : null;
    }
  }
}

/**
 * Each living member counts for at most one component: the first in the rule set's order that
 * applies and whose family cap is not yet reached.
 */
export function pkhComponents(members: readonly LivingMember[], rules: PkhRules, schooling: SchoolingRules): PkhComponents {
  const counts = new Map<PkhComponent, number>();
  const counted: CountedComponent[] = [];
  const overCap: { nik: string; rule: PkhComponentRule }[] = [];
  for (const member of members) {
    let blockedBy: PkhComponentRule | null = null;
    let countedMember = false;
    for (const rule of rules.components) {
      const qualifies = qualification(member, rule, rules, schooling);
      if (!qualifies) continue;
      const sofar = counts.get(rule.component) ?? 0;
      if (rule.cap !== null && sofar >= rule.cap) {
        blockedBy ??= rule;
        continue;
      }
      counts.set(rule.component, sofar + 1);
      counted.push({ component: rule.component, nik: member.nik, annualAmount: rule.annualAmount, levelAssumed: qualifies.levelAssumed });
      countedMember = true;
      break;
    }
    if (!countedMember && blockedBy) overCap.push({ nik: member.nik, rule: blockedBy });
  }
  return { counted, overCap };
}

function ageSpan(rule: PkhComponentRule): string {
  if (rule.minAge !== null && rule.maxAge !== null) return `aged ${rule.minAge}-${rule.maxAge}`;
  if (rule.minAge !== null) return `aged ${rule.minAge}+`;
  return rule.maxAge !== null ? `aged up to ${rule.maxAge}` : '';
}

/** "child aged 0-6", "pupil SMP", "elderly aged 70+". */
export function componentLabel(rule: PkhComponentRule): string {
  switch (rule.component) {
    case 'PREGNANT':
      return 'pregnant woman';
    case 'EARLY_CHILDHOOD':
      return `child ${ageSpan(rule)}`;
    case 'PUPIL_SD':
    case 'PUPIL_SMP':
    case 'PUPIL_SMA':
      return `pupil ${PUPIL_LEVEL[rule.component]}`;
    case 'SEVERE_DISABILITY':
      return 'severe disability';
    case 'ELDERLY':
      return `elderly ${ageSpan(rule)}`;
  }
}

function ruleOf(rules: PkhRules, component: PkhComponent): PkhComponentRule {
  const rule = rules.components.find((candidate) => candidate.component === component);
  if (!rule) throw new Error(`Rule set has no PKH component ${component}`);
  return rule;
}

/**
 * Components read from sensitive data (pregnancy, disability): for a reader without the `sensitive`
 * scope the explanation is computed with those fields withheld (null), and says so.
 */
const SENSITIVE_COMPONENTS: ReadonlySet<PkhComponent> = new Set(['PREGNANT', 'SEVERE_DISABILITY']);

function sensitiveWithheld(members: readonly LivingMember[]): boolean {
  return members.some((member) => member.regsosek !== null && (member.regsosek.pregnant === null || member.regsosek.difficulty === null));
}

function componentReasons(found: PkhComponents, rules: PkhRules, withheld: boolean): Statement[] {
  const reasons: Statement[] = [];
  const shown = withheld ? rules.components.filter((rule) => !SENSITIVE_COMPONENTS.has(rule.component)) : rules.components;
  if (found.counted.length === 0) {
    const which = withheld ? 'a PKH component shown here' : 'a PKH component';
    reasons.push(say`No living member qualifies for ${which} (${listing(shown.map((rule) => componentLabel(rule)))})`);
  } else {
    const items = found.counted.map((entry) => {
      const note = entry.levelAssumed ? ', level assumed from age' : '';
      return say`${componentLabel(ruleOf(rules, entry.component))} (${identifier(entry.nik)}${note})`;
    });
    const total = found.counted.reduce((sum, entry) => sum + entry.annualAmount, 0);
    reasons.push(say`${plural(found.counted.length, 'component')} (${rupiah(total)} a year): ${joined(items, ', ')}`);
  }
  for (const { nik, rule } of found.overCap) {
    reasons.push(say`Not counted: ${identifier(nik)} (${componentLabel(rule)}), the family cap of ${rule.cap ?? 0} is reached`);
  }
  if (withheld) {
    const hidden = rules.components.filter((rule) => SENSITIVE_COMPONENTS.has(rule.component)).map((rule) => componentLabel(rule));
    reasons.push(say`Whether a member counts as ${hidden.join(' or ')} is sensitive data and is not shown here; an eligible family's benefit counts such components too`);
  }
  return reasons;
}

function dtksRegistration(facts: HouseholdFacts): Statement[] {
  const receipt = facts.household.dtks?.receipts.find((candidate) => candidate.program === 'PKH');
  if (!receipt) return [];
  if (receipt.pkhComponents === null) return [say`DTKS records a PKH receipt (${receipt.status}); its registered components are sensitive data`];
  const components = receipt.pkhComponents.map((component) => componentLabel(ruleOf(facts.ruleSet.programs.PKH, component)));
  const listed = components.length > 0 ? `components ${components.join(', ')}` : 'no components';
  return [say`DTKS records a PKH receipt (${receipt.status}) with ${listed}`];
}

/** Family: desil cut-off, no exclusion, at least one component among living members. */
export function pkhEligibility(facts: HouseholdFacts): ProgramEligibility {
  const rules = facts.ruleSet.programs.PKH;
  const desil = desilWithin(facts, 'PKH', rules.maxDesil);
  const exclusions = notExcluded(facts, rules);
  const found = pkhComponents(facts.members, rules, facts.ruleSet.schooling);
  const regsosek = facts.household.regsosek;
  const missing = regsosek
    ? []
    : [say`${regsosekMissing(regsosek)}: ages come from DTKS/P3KE birth dates and schooling from P3KE; pregnancy and disability could not be checked`];
  const eligible = desil.passes && exclusions.passes && found.counted.length > 0;
  return decision(
    facts,
    'PKH',
    eligible,
    [...desil.reasons, ...exclusions.reasons, ...componentReasons(found, rules, sensitiveWithheld(facts.members)), ...missing, ...dtksRegistration(facts)],
    found.counted.reduce((sum, entry) => sum + entry.annualAmount, 0),
    found.counted.map((entry) => entry.nik),
  );
}
