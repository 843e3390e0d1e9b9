import { createCursorCodec, type CursorCodec } from '../../common/cursor';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import type { RegisterDirectory } from '../../subgraph-calls/register-directory';
import type { ImportStates } from '../../subgraph-calls/register-directory-http';
import { createRegisterImports, type RegisterImports } from './register-imports';
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
  /** The registers' import ledgers, for the index status; without it (unit tests) the status says nothing of them. */
  readonly registerImports?: RegisterImports;
}

/** What both ways of running dtsen (in the gateway's process, or as its own service) build it from. */
export interface DtsenSettings {
  readonly ruleSetVersion: string;
  readonly evaluationDate: Date;
  /** Seals the cursors of `households`. */
  readonly signingSecret: string;
  readonly index: IndexQueryRepository;
  /** How old the registers' import states behind the index status may be; default IMPORT_STATES_MAX_AGE_MS. */
  readonly importStatesMaxAgeMs?: number;
}

/** How the process that runs dtsen reaches the registers: its directory, and their import ledgers. */
export interface DtsenRegisterAccess {
  readonly directory: RegisterDirectory;
  readonly importStates: ImportStates;
}

/** dtsen's dependencies from its settings and the register access of the process that runs it. */
export function dtsenDependencies(settings: DtsenSettings, registers: DtsenRegisterAccess): DtsenDependencies {
  return {
    ruleSet: loadRuleSet(settings.ruleSetVersion),
    evaluationDate: settings.evaluationDate,
    directory: registers.directory,
    cursors: createCursorCodec(settings.signingSecret),
    index: settings.index,
    registerImports: createRegisterImports(registers.importStates, settings.importStatesMaxAgeMs),
  };
}
