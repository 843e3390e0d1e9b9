import { PROGRAMME_NAMES } from '../../../../common/programmes';
import { describeDesil } from '../desil';
import { isReceiving } from '../receipts';
import { listing, say, type Statement } from '../statement';
import { rupiah } from '../wording';
import { notExcluded } from './gates';
import { decision, type HouseholdFacts, type ProgramEligibility } from './types';

function villageReason(facts: HouseholdFacts): { readonly passes: boolean; readonly reason: Statement } {
  const { region } = facts;
  if (!region) return { passes: false, reason: say`The village of residence is unknown, so Dana Desa cannot be assumed` };
  const place = region.village ? `${region.village} (${region.dottedCode})` : region.dottedCode;
  return region.villageKind === 'DESA'
    ? { passes: true, reason: say`Lives in a desa, ${place}, which has Dana Desa` }
    : { passes: false, reason: say`Lives in a kelurahan, ${place}, which has no Dana Desa` };
}

function extremePovertyReasons(facts: HouseholdFacts): { readonly passes: boolean; readonly reasons: Statement[] } {
  const rules = facts.ruleSet.programs.BLT_DD;
  const { desil } = facts;
  const reasons: Statement[] = [];
  const byDesil = desil !== null && desil.value <= rules.extremePoorMaxDesil;
  const byFlag = rules.useP3keExtremePoorFlag && facts.household.p3ke?.extremePoor === true;
  if (byDesil && desil) reasons.push(say`${describeDesil(desil)} counts as extreme poverty`);
  if (byFlag) reasons.push(say`P3KE flags the family as extremely poor`);
  if (!byDesil && !byFlag) {
    const desilPart = desil ? `${describeDesil(desil)} is above desil ${rules.extremePoorMaxDesil}` : 'no register ranks the family';
    const flagPart = rules.useP3keExtremePoorFlag ? ' and P3KE does not flag it as extremely poor' : '';
    reasons.push(say`Not extremely poor: ${desilPart}${flagPart}`);
  }
  return { passes: byDesil || byFlag, reasons };
}

const STATUS_WORDS = { ACTIVE: 'an active', SUSPENDED: 'a suspended', ENDED: 'an ended' } as const;

/**
 * What Kemendes (the desa's own records) says the family receives: it decides nothing here (targeting
 * sets it against the decision), but a caseworker reads the two together.
 */
function kemendesReason(facts: HouseholdFacts): Statement {
  const receipt = facts.household.kemendes;
  if (receipt === undefined) return say`Kemendes could not be asked whether a desa pays the family BLT Dana Desa`;
  if (receipt === null) return say`Kemendes (desa records) lists no BLT Dana Desa receipt for the family`;
  const amount = receipt.status === 'ACTIVE' ? `, ${rupiah(receipt.monthlyAmount)} a month` : '';
  return say`Kemendes (desa records) lists ${STATUS_WORDS[receipt.status]} BLT Dana Desa receipt since ${receipt.since}${amount}`;
}

/** Family in a desa, extremely poor, receiving none of the excluding programmes (DTKS, active). */
export function bltDdEligibility(facts: HouseholdFacts): ProgramEligibility {
  const rules = facts.ruleSet.programs.BLT_DD;
  const village = villageReason(facts);
  const poverty = extremePovertyReasons(facts);
  const receiving = rules.notWhenReceiving.filter((program) => isReceiving(facts.household.dtks, program));
  const names = rules.notWhenReceiving.map((program) => PROGRAMME_NAMES[program]);
  const receiptReason =
    receiving.length > 0
      ? say`Receives ${listing(receiving.map((program) => PROGRAMME_NAMES[program]))} (DTKS, active)`
      : names.length === 1
        ? say`Does not receive ${names.join('')} (DTKS)`
        : say`Receives neither ${names.join(' nor ')} (DTKS)`;
  const exclusions = notExcluded(facts, rules);
  const eligible = village.passes && poverty.passes && receiving.length === 0 && exclusions.passes;
  const benefit = [say`${rupiah(rules.monthlyAmount)} a month for the family`];
  return decision(
    facts,
    'BLT_DD',
    eligible,
    [village.reason, ...poverty.reasons, ...(names.length > 0 ? [receiptReason] : []), ...exclusions.reasons, ...(eligible ? benefit : []), kemendesReason(facts)],
    rules.monthlyAmount * 12,
    [],
  );
}
