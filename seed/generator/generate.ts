import type { BpjsFamilyRecord } from '../../subgraphs/bpjs/subgraph';
import type { DtksFamilyRecord } from '../../subgraphs/dtks/subgraph';
import type { KemendesFamilyRecord } from '../../subgraphs/kemendes/subgraph';
import { bltDdTargeting, drawKemendes } from './blt-dd';
import { bpjsKkMismatches, type DrawnRecords } from './bpjs-kk-mismatch';
import type { P3keFamilyRecord } from '../../subgraphs/p3ke/subgraph';
import type { RegsosekFamilyRecord } from '../../subgraphs/regsosek/subgraph';
import { dateOfDay, dayNumber, monthNumber } from './calendar';
import { bpjsReceiving, DEFAULT_PBI_JK_ERROR_RATES, drawBpjs, dtksReceivingPbiJk, type BpjsOutcome, type PbiJkErrorRates } from './bpjs';
import { applyDuplicate, type DuplicatePlan, type FamilyOutcome, injectSingleDefect, planDuplicate } from './defects';
import type { SeedHousehold } from '../../common/subgraph/seed-batch';
import { isLiving } from './household';
import { FamilyNumbering, MAX_FAMILIES, PersonNumbering } from './identity';
import { Random, STREAM } from './random';
import { type CleanFamily, drawCleanFamily, type FamilyContext } from './registers';
import { DEFAULT_SEED_REGION, seedRegion } from './regions';
import type { GeneratedBatch, TruthLine } from './types';

export interface GenerateBatchOptions {
  readonly seed: number;
  /** Index of the first family (0-based). */
  readonly start: number;
  readonly count: number;
  /** Ages, dates and NIK checks are relative to this day (UTC). */
  readonly evaluationDate: Date;
  /**
   * Families in the whole run (default: start + count). Only the last family of a run with an
   * odd size needs it: its defect partner (family index xor 1) would not exist.
   */
  readonly runFamilies?: number;
  /** Plain code of the province or regency the families live in (default 31, DKI Jakarta). */
  readonly region?: string;
  /** PBI-JK targeting errors and DTKS-vs-BPJS disagreements to inject (default DEFAULT_PBI_JK_ERROR_RATES). */
  readonly pbiJkErrors?: PbiJkErrorRates;
}

function checkOptions(options: GenerateBatchOptions): number {
  const { seed, start, count, evaluationDate } = options;
  const runFamilies = options.runFamilies ?? start + count;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isSafeInteger(runFamilies) || runFamilies < start + count) {
    throw new RangeError(`runFamilies (${runFamilies}) must cover the batch (${start + count})`);
  }
  if (runFamilies > MAX_FAMILIES) throw new RangeError(`at most ${MAX_FAMILIES} families per run (unique NIKs), got ${runFamilies}`);
  if (Number.isNaN(evaluationDate.getTime())) throw new RangeError('evaluationDate is not a valid date');
  return runFamilies;
}

/**
 * DTKS and BPJS disagree on PBI-JK receipt for a household (its No. KK) that DTKS holds: what
 * dtsen reports as PBI_JK_RECEIPT_MISMATCH, computed from the records as written.
 */
function receiptMismatch(noKK: string, outcome: FamilyOutcome, bpjs: BpjsOutcome): boolean {
  const dtks = bpjs.records.dtks;
  if (!dtks || dtks.noKK !== noKK) return false;
  const held = <R extends { readonly noKK: string }>(record: R | null): R | null => (record?.noKK === noKK ? record : null);
  const records = { regsosek: held(bpjs.records.regsosek), dtks, p3ke: held(bpjs.records.p3ke) } as FamilyOutcome['records'];
  return dtksReceivingPbiJk(dtks) !== bpjsReceiving(held(bpjs.bpjs), records);
}

function truthLines(
  family: CleanFamily,
  outcome: FamilyOutcome,
  bpjs: BpjsOutcome,
  kemendes: KemendesFamilyRecord | null,
  pair: readonly DrawnRecords[],
): TruthLine[] {
  const lines: TruthLine[] = [];
  for (const record of [bpjs.records.regsosek, bpjs.records.dtks, bpjs.records.p3ke, bpjs.bpjs]) {
    if (!record || lines.some((line) => line.noKK === record.noKK)) continue;
    const defects = outcome.defects.filter((entry) => entry.noKK === record.noKK).map((entry) => entry.defect);
    for (const nik of bpjsKkMismatches(record.noKK, pair)) {
      if (!defects.some((defect) => defect.code === 'KK_MISMATCH' && defect.nik === nik)) defects.push({ code: 'KK_MISMATCH', nik });
    }
    if (receiptMismatch(record.noKK, outcome, bpjs)) defects.push({ code: 'PBI_JK_RECEIPT_MISMATCH' });
    const pbiJk = bpjs.targeting && record.noKK === family.noKK ? [bpjs.targeting] : [];
    const targeting = [...pbiJk, bltDdTargeting(bpjs.records, kemendes, record.noKK)];
    lines.push({ noKK: record.noKK, trueDesil: family.trueDesil, defects, targeting });
  }
  return lines;
}

function householdOf(family: CleanFamily): SeedHousehold {
  return {
    noKK: family.noKK,
    regionCode: family.regsosek.regionCode,
    address: family.regsosek.address,
    trueDesil: family.trueDesil,
    members: family.people.map((person) => ({
      nik: person.nik,
      name: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      relationship: person.relationship,
      living: isLiving(person),
    })),
  };
}

/**
 * Families start … start+count-1 of the run `seed`, as the registers hold them (Kemendes: as the desa pays them), with the
 * truth about each household. Every family is a pure function of (seed, index), and pairs of
 * families (2k, 2k+1) decide their shared defects from (seed, k) alone: a run is the same whatever
 * the batch size.
 */
export function generateBatch(options: GenerateBatchOptions): GeneratedBatch {
  const runFamilies = checkOptions(options);
  const { seed, start, count } = options;
  const evaluationDay = dayNumber(options.evaluationDate);
  const context: FamilyContext = {
    seed,
    persons: new PersonNumbering(seed),
    families: new FamilyNumbering(seed, evaluationDay),
    evaluation: dateOfDay(evaluationDay),
    evaluationDay,
    region: seedRegion(options.region ?? DEFAULT_SEED_REGION),
  };
  const pbiJkErrors = options.pbiJkErrors ?? DEFAULT_PBI_JK_ERROR_RATES;
  const evaluationMonth = monthNumber(context.evaluation);
  const families = new Map<number, CleanFamily>();
  const familyAt = (index: number): CleanFamily => {
    let family = families.get(index);
    if (!family) {
      family = drawCleanFamily(context, index);
      families.set(index, family);
    }
    return family;
  };
  const plans = new Map<number, DuplicatePlan | null>();
  const planOf = (pair: number): DuplicatePlan | null => {
    if (!plans.has(pair)) {
      const plan =
        2 * pair + 1 < runFamilies
          ? planDuplicate(new Random(seed, STREAM.pairDefect, pair), () => [familyAt(2 * pair), familyAt(2 * pair + 1)] as const)
          : null;
      plans.set(pair, plan);
    }
    return plans.get(pair) ?? null;
  };

  // Each family's defects and BPJS draw, once: a family's truth reads its pair partner's BPJS too.
  const drawn = new Map<number, { readonly outcome: FamilyOutcome; readonly bpjs: BpjsOutcome; readonly graduation: Random }>();
  const drawnAt = (index: number) => {
    let entry = drawn.get(index);
    if (!entry) {
      const family = familyAt(index);
      const plan = planOf(Math.floor(index / 2));
      const outcome = plan
        ? applyDuplicate(plan, family, familyAt(plan.source))
        : injectSingleDefect(new Random(seed, STREAM.familyDefect, index), family);
      const graduation = new Random(seed, STREAM.graduation, index);
      const bpjs = drawBpjs(new Random(seed, STREAM.bpjs, index), graduation, family, outcome, pbiJkErrors, evaluationMonth);
      entry = { outcome, bpjs, graduation };
      drawn.set(index, entry);
    }
    return entry;
  };
  const pairOf = (index: number): DrawnRecords[] =>
    [index, index ^ 1].filter((member) => member < runFamilies).map((member) => ({ records: drawnAt(member).bpjs.records, bpjs: drawnAt(member).bpjs.bpjs }));

  const batch = {
    households: [] as SeedHousehold[],
    dtks: [] as DtksFamilyRecord[],
    regsosek: [] as RegsosekFamilyRecord[],
    p3ke: [] as P3keFamilyRecord[],
    kemendes: [] as KemendesFamilyRecord[],
    bpjs: [] as BpjsFamilyRecord[],
    truth: [] as TruthLine[],
    persons: 0,
  };
  for (let index = start; index < start + count; index += 1) {
    const family = familyAt(index);
    const { outcome, bpjs, graduation } = drawnAt(index);
    const { regsosek, dtks, p3ke } = bpjs.records;
    if (regsosek) batch.regsosek.push(regsosek);
    if (dtks) batch.dtks.push(dtks);
    if (p3ke) batch.p3ke.push(p3ke);
    if (bpjs.bpjs) batch.bpjs.push(bpjs.bpjs);
    const kemendes = drawKemendes(context, family, bpjs.records, graduation);
    if (kemendes) batch.kemendes.push(kemendes);
    batch.truth.push(...truthLines(family, outcome, bpjs, kemendes, pairOf(index)));
    batch.households.push(householdOf(family));
    batch.persons += family.people.length;
    // A batch only looks back at its own pair partner: drop families no later index needs.
    if (index % 2 === 1) {
      families.delete(index - 1);
      families.delete(index);
      drawn.delete(index - 1);
      drawn.delete(index);
    }
  }
  return batch;
}
