import { createCursorCodec, type CursorCodec } from '../../common/cursor';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import type { RegisterDirectory } from '../../subgraph-calls/register-directory';
import { loadRuleSet, type RuleSet } from './rules/rule-set';

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

/** What both ways of running dtsen (in the gateway's process, or as its own service) build it from. */
export interface DtsenSettings {
  readonly ruleSetVersion: string;
  readonly evaluationDate: Date;
  /** Seals the cursors of `households`. */
  readonly signingSecret: string;
  readonly index: IndexQueryRepository;
}

/** dtsen's dependencies from its settings and the directory of the process that runs it. */
export function dtsenDependencies(settings: DtsenSettings, directory: RegisterDirectory): DtsenDependencies {
  return {
    ruleSet: loadRuleSet(settings.ruleSetVersion),
    evaluationDate: settings.evaluationDate,
    directory,
    cursors: createCursorCodec(settings.signingSecret),
    index: settings.index,
  };
}
