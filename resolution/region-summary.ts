import {
  INDEX_PROGRAMS,
  programColumn,
  programSuffix,
  SUMMARY_MEASURES,
  TARGETED_INDEX_PROGRAMS,
  TARGETING_MEASURES,
  type RegionIssueCountRow,
  type ResolvedHouseholdRow,
  type SummaryMeasure,
} from './entities';

// How a write of the index changes the region summary: households leaving count -1, households
// arriving +1, each in its region and desil. Families without a region code are in no region's
// statistics, so they change nothing here either.

/** The summary's desil of a family without one: a key column cannot be null. */
export const NO_DESIL = 0;

type Counts = Record<SummaryMeasure, number>;

function zeroCounts(): Counts {
  return Object.fromEntries(SUMMARY_MEASURES.map((measure) => [measure, 0])) as Counts;
}

/** What one household adds to its region's and desil's counts. */
function countsOf(row: ResolvedHouseholdRow): Counts {
  const fields = row as unknown as Record<string, unknown>;
  const counts = zeroCounts();
  counts.families = 1;
  counts.persons = row.persons;
  for (const program of INDEX_PROGRAMS) {
    const eligible = fields[`eligible${programSuffix(program)}`] === true;
    counts[`eligible_${programColumn(program)}`] = eligible ? 1 : 0;
    counts[`budget_${programColumn(program)}`] = eligible ? Number(fields[`benefit${programSuffix(program)}`]) : 0;
  }
  for (const program of TARGETED_INDEX_PROGRAMS) {
    const status = fields[`targeting${programSuffix(program)}`];
    for (const [value, measure] of TARGETING_MEASURES) counts[`${measure}_${programColumn(program)}`] = status === value ? 1 : 0;
  }
  return counts;
}

const key = (...parts: readonly (string | number)[]) => parts.join('\u0000');

/** The changes of one write, added up per region and desil, and per region and issue code. */
export class RegionSummaryDelta {
  private readonly groups = new Map<string, { regionCode: string; desil: number; counts: Counts }>();
  private readonly issues = new Map<string, { regionCode: string; code: string; families: number }>();

  /** A household entering (+1) or leaving (-1) the index, with the codes of its issues. */
  add(row: ResolvedHouseholdRow, issueCodes: readonly string[], sign: 1 | -1): void {
    const regionCode = row.regionCode;
    if (regionCode === null) return;
    const desil = row.desil ?? NO_DESIL;
    const group = this.groups.get(key(regionCode, desil)) ?? { regionCode, desil, counts: zeroCounts() };
    const added = countsOf(row);
    for (const measure of SUMMARY_MEASURES) group.counts[measure] += sign * added[measure];
    this.groups.set(key(regionCode, desil), group);
    // A family counts once per issue code, however many of its members have that issue.
    for (const code of new Set(issueCodes)) {
      const issue = this.issues.get(key(regionCode, code)) ?? { regionCode, code, families: 0 };
      issue.families += sign;
      this.issues.set(key(regionCode, code), issue);
    }
  }

  /**
   * What the write adds to each region and desil, and to each region and issue code, leaving out
   * those it does not change (a family resolved again as it was changes nothing); `emptied`: some
   * rows may have lost their last family.
   */
  changes(): { summary: SummaryChange[]; issues: RegionIssueCountRow[]; emptied: boolean } {
    const summary = [...this.groups.values()].filter((group) => SUMMARY_MEASURES.some((measure) => group.counts[measure] !== 0));
    const issues = [...this.issues.values()].filter((issue) => issue.families !== 0);
    const emptied = summary.some((group) => group.counts.families < 0) || issues.some((issue) => issue.families < 0);
    return { summary, issues, emptied };
  }
}

/** The counts a write adds to one region and desil (negative for families leaving). */
export interface SummaryChange {
  readonly regionCode: string;
  readonly desil: number;
  readonly counts: Readonly<Record<SummaryMeasure, number>>;
}

