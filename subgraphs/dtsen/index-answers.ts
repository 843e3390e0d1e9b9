import type { FamilyConnection } from '../../common/pagination';
import type { IndexInfo } from '../../resolution/index-status';
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
