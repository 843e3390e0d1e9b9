import type { FamilyConnection } from '../../common/pagination';
import type { IndexInfo } from '../../resolution/index-status';
import type { EligibilityChangeAnswer } from '../../resolution/eligibility-changes';
import type { HouseholdPeriodAnswer } from '../../resolution/period-history';
import type { Statistics } from '../../resolution/statistics';

// What the fields read from the resolution index answer: the index's data and which run it is from.

/** `HouseholdConnection`: a page of the index's families. */
export interface HouseholdsAnswer extends FamilyConnection {
  readonly index: IndexInfo;
}

/** `Statistics`: the index's counts per region. */
export interface StatisticsAnswer extends Statistics {
  readonly index: IndexInfo;
}

/** `EligibilityChange`: a change of the index's periods; `household` is the live family. */
export type EligibilityChangeNode = EligibilityChangeAnswer;

/** `EligibilityChangeConnection`: a page of changes between two kept periods. */
export interface EligibilityChangesAnswer {
  readonly nodes: readonly EligibilityChangeNode[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  /** Counted only when selected. */
  readonly totalCount: number | (() => Promise<number>);
}

/** `HouseholdPeriod`: a family as a kept period holds it. */
export type HouseholdPeriodNode = HouseholdPeriodAnswer;
