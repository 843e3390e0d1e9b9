// BLT Dana Desa as the desa pays it: the families its records make eligible receive 300,000 a
// month, save the injected errors (targeting-rates.ts). Eligibility is read here from the
// registers' records as the seeder drew them (after data-quality defects), by the 2025 rule
// (docs/rules.md: a desa, extremely poor by the resolved desil or P3KE's flag, no ACTIVE PKH or
// BPNT in DTKS), so that the truth says what the registers, not the hidden truth, make of a family.
import type { KemendesFamilyRecord } from '../../subgraphs/kemendes/subgraph';
import type { FamilyRecords } from './defects';
import { isLiving } from './household';
import { Random, STREAM } from './random';
import type { CleanFamily, FamilyContext } from './registers';
import { monthNumber, monthText } from './calendar';
import { GRADUATION_DESILS_ABOVE, TARGETING_ERROR_RATES } from './targeting-rates';
import { expectedTargeting } from './targeting-truth';
import type { TargetingTruth } from './types';

/** Rupiah a month since 2022 (PMK 190/2021 onwards). */
export const BLT_DD_MONTHLY_AMOUNT = 300_000;
/** The rule set's cut-offs the seeder applies (subgraphs/dtsen/rules/rule-set-2025.json, programs.BLT_DD and desil). */
const EXTREME_POOR_MAX_DESIL = 1;
const NOT_WHEN_RECEIVING: readonly string[] = ['PKH', 'BPNT'];
const DTKS_PERCENTILE_BANDS: readonly { readonly maxPercentile: number; readonly desil: number }[] = [
  { maxPercentile: 10, desil: 1 },
  { maxPercentile: 20, desil: 2 },
  { maxPercentile: 30, desil: 3 },
  { maxPercentile: 40, desil: 4 },
];
/** Of families a desa pays nothing by mistake, the share it still lists (SUSPENDED or ENDED) rather than not at all. */
const LISTED_BUT_NOT_PAID = 0.4;
/** Of the other families of a desa in true desil 1-4, the share listed as ENDED (paid in an earlier year): not an error. */
const FORMER_RECIPIENTS = 0.08;
/** The first month a receipt may start: BLT Dana Desa at 300,000 a month. */
const FIRST_YEAR = 2022;

const isDesaCode = (code: string | undefined): boolean => code !== undefined && /^\d{6}[12]\d{3}$/.test(code) && code.charAt(6) === '2';
const isVillageCode = (code: string | undefined): code is string => code !== undefined && /^\d{6}[12]\d{3}$/.test(code);

/** The records of `records` filed under `noKK` (a defect may have moved one to another KK). */
function under(records: FamilyRecords, noKK: string): FamilyRecords {
  return {
    regsosek: records.regsosek?.noKK === noKK ? records.regsosek : null,
    dtks: records.dtks?.noKK === noKK ? records.dtks : null,
    p3ke: records.p3ke?.noKK === noKK ? records.p3ke : null,
  };
}

/** How the household `noKK` stands against BLT Dana Desa by the registers' records of it. */
export interface BltDdStanding {
  readonly eligible: boolean;
  /** Fails only by a known desil above the extreme-poverty desil (P3KE does not flag it): a graduation candidate if paid. */
  readonly aboveCutOffOnly: boolean;
  /** How many desils its resolved desil lies above the extreme-poverty desil; null when no register ranks it. */
  readonly desilsAbove: number | null;
}

export function bltDdStanding(records: FamilyRecords, noKK: string): BltDdStanding {
  const { regsosek, dtks, p3ke } = under(records, noKK);
  const region = [regsosek?.regionCode, dtks?.regionCode, p3ke?.regionCode].find(isVillageCode);
  const percentile = dtks?.welfarePercentile ?? null;
  const dtksDesil = percentile === null ? null : (DTKS_PERCENTILE_BANDS.find((band) => percentile <= band.maxPercentile)?.desil ?? null);
  const desil = regsosek?.ranking?.desil ?? p3ke?.desil ?? dtksDesil;
  const flagged = p3ke?.extremePoor === true;
  const extremePoor = (desil !== null && desil <= EXTREME_POOR_MAX_DESIL) || flagged;
  const receivesExcluding = (dtks?.receipts ?? []).some((receipt) => receipt.status === 'ACTIVE' && NOT_WHEN_RECEIVING.includes(receipt.program));
  const otherwise = isDesaCode(region) && !receivesExcluding;
  return {
    eligible: otherwise && extremePoor,
    aboveCutOffOnly: otherwise && !extremePoor && desil !== null,
    desilsAbove: desil === null ? null : desil - EXTREME_POOR_MAX_DESIL,
  };
}

/** Whether the registers' records of the household `noKK` make it eligible for BLT Dana Desa. */
export function bltDdEligibleAsRecorded(records: FamilyRecords, noKK: string): boolean {
  return bltDdStanding(records, noKK).eligible;
}

function sinceMonth(random: Random, context: FamilyContext): string {
  const evaluation = monthNumber(context.evaluation);
  return monthText(evaluation - random.int(1, Math.max(1, evaluation - monthNumber({ year: FIRST_YEAR, month: 1 }))));
}

function receipt(random: Random, context: FamilyContext, family: CleanFamily, status: KemendesFamilyRecord['status']): KemendesFamilyRecord {
  const { regsosek } = family;
  const living = family.people.filter(isLiving);
  const head = living.find((person) => person.relationship === 1) ?? living[0] ?? family.people[0];
  return {
    noKK: family.noKK,
    regionCode: regsosek.regionCode,
    address: regsosek.address,
    rt: regsosek.rt,
    rw: regsosek.rw,
    since: sinceMonth(random, context),
    status,
    monthlyAmount: BLT_DD_MONTHLY_AMOUNT,
    members: head
      ? [{ nik: head.nik, noKK: family.noKK, name: head.name, sex: head.sex, birthDate: head.birthDate, relationship: head.relationship }]
      : [],
  };
}

/**
 * The desa's BLT Dana Desa record of family `family` (under its own No. KK), or null when the desa
 * lists it not at all; only families whose true village is a desa can be listed. Graduation
 * candidates are drawn from `graduation`, a stream of their own, so that the draws of every other
 * family stay as they were.
 */
export function drawKemendes(context: FamilyContext, family: CleanFamily, records: FamilyRecords, graduation: Random): KemendesFamilyRecord | null {
  if (!isDesaCode(family.regsosek.regionCode)) return null;
  const random = new Random(context.seed, STREAM.bltDd, family.index);
  const rates = TARGETING_ERROR_RATES.BLT_DD;
  const standing = bltDdStanding(records, family.noKK);
  if (standing.eligible) {
    if (!random.chance(rates.EXCLUSION_ERROR)) return receipt(random, context, family, 'ACTIVE');
    return random.chance(LISTED_BUT_NOT_PAID) ? receipt(random, context, family, random.chance(0.5) ? 'SUSPENDED' : 'ENDED') : null;
  }
  const candidate = standing.aboveCutOffOnly && standing.desilsAbove !== null && standing.desilsAbove <= GRADUATION_DESILS_ABOVE;
  if (candidate && graduation.chance(rates.GRADUATION_CANDIDATE)) return receipt(random, context, family, 'ACTIVE');
  if (family.trueDesil > 4) return null;
  if (random.chance(rates.INCLUSION_ERROR)) return receipt(random, context, family, 'ACTIVE');
  return random.chance(FORMER_RECIPIENTS) ? receipt(random, context, family, 'ENDED') : null;
}

/** What targeting must say of BLT Dana Desa for household `noKK`: the desa's ACTIVE receipt against eligibility as recorded. */
export function bltDdTargeting(records: FamilyRecords, kemendes: KemendesFamilyRecord | null, noKK: string): TargetingTruth {
  const receiving = kemendes?.noKK === noKK && kemendes.status === 'ACTIVE';
  const standing = bltDdStanding(records, noKK);
  return { program: 'BLT_DD', status: expectedTargeting(receiving, standing.eligible, standing.aboveCutOffOnly) };
}
