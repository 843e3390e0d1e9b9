import type { CursorCodec } from '../../common/cursor';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import type { RegisterDirectory } from '../../subgraph-calls/register-directory';
import type { RuleSet } from './rules/rule-set';

/** What the dtsen subgraph is built with; fixed for the life of the gateway. */
export interface DtsenDependencies {
  readonly ruleSet: RuleSet;
  /** Ages and benefits are computed at this date (midnight UTC). */
  readonly evaluationDate: Date;
  readonly directory: RegisterDirectory;
  /** Seals and opens the cursors of `households` (common/cursor.ts). */
  readonly cursors: CursorCodec;
  /**
   * The resolution index `households` and `statistics` read. The gateway always has one; a schema
   * built without it (unit tests of the domain core) fails those two fields as internal errors.
   */
  readonly index?: IndexQueryRepository;
}
