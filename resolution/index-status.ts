import type { ImportState } from '../common/store/import-state';
import type { Register } from '../common/store-url';
import type { IndexRuns } from './query-repository';

// Whether the index answers for the gateway as it is configured now, and for the registers as
// their import ledgers say they are: every write to a register is an import, which records when it
// started and finished; see docs/resolution.md, "Is the index current?".

/** `IndexInfo` of the schema. */
export interface IndexInfo {
  readonly runId: number | null;
  readonly ruleSet: string | null;
  readonly evaluationDate: string | null;
  readonly finishedAt: string | null;
  readonly families: number;
  readonly current: boolean;
  /** The newest run, when it has not finished. */
  readonly running: RunningRun | null;
}

/** `IndexRunProgress` of the schema. */
export interface RunningRun {
  readonly runId: number;
  readonly startedAt: string;
  readonly progressAt: string | null;
  readonly familiesDone: number;
  readonly familiesTotal: number;
}

/** What the gateway resolves with: the run the index should come from used the same. */
export interface ExpectedResolution {
  readonly ruleSet: string;
  /** YYYY-MM-DD */
  readonly evaluationDate: string;
}

export type IndexWarningCode = 'INDEX_MISSING' | 'INDEX_STALE';

/** `extensions.indexWarning` of a response that read a non-current index. */
export interface IndexWarning {
  readonly code: IndexWarningCode;
  readonly message: string;
}

/** An `extensions.indexWarning` read from another service's answer. */
export function isIndexWarning(value: unknown): value is IndexWarning {
  const candidate = value as Partial<IndexWarning> | null | undefined;
  return (candidate?.code === 'INDEX_MISSING' || candidate?.code === 'INDEX_STALE') && typeof candidate.message === 'string';
}

export interface IndexStatus {
  readonly info: IndexInfo;
  /** Null when the index is current. */
  readonly warning: IndexWarning | null;
}

const RESOLVE = 'Run `npm run resolve` with the system running to bring it up to date.';

function runningRun(runs: IndexRuns): RunningRun | null {
  const run = runs.unfinished;
  if (run === null) return null;
  return { runId: run.id, startedAt: run.startedAt, progressAt: run.progressAt, familiesDone: run.familiesDone, familiesTotal: run.familiesTotal };
}

/** What the warning says of a run under way, so a client is not sent to start a second one. */
function runningProblem(running: RunningRun, lastFinishedId: number | null): string {
  const progress = `${running.familiesDone} of ${running.familiesTotal} register records, last progress at ${running.progressAt ?? running.startedAt}`;
  const after = lastFinishedId === null ? '' : ` started after run ${lastFinishedId} and`;
  return `resolution run ${running.runId}${after} has not finished (${progress})`;
}

const WAIT_OR_RESUME = 'A run under way brings it up to date when it finishes; `npm run resolve` resumes an interrupted one.';

/**
 * What a register's imports say against the run: an import not finished (running, or interrupted
 * with some batches committed), or one that stored or replaced families and finished after the run
 * started, may have written families the run did not read. Both times are ISO 8601 UTC, written by
 * the importer's and the run's clocks.
 */
function importProblems(imports: ReadonlyMap<Register, ImportState>, runId: number, runStartedAt: string): string[] {
  return [...imports].flatMap(([register, state]) => {
    const name = register.toUpperCase();
    if (state.running > 0) return [`an import into ${name} has not finished`];
    if (state.lastChangeAt !== null && state.lastChangeAt > runStartedAt) {
      return [`${name} imported changed families at ${state.lastChangeAt}, after run ${runId} started at ${runStartedAt}`];
    }
    return [];
  });
}

/**
 * The index's state from its runs and the registers' import ledgers (`imports`: those that could be
 * asked): the last finished run, unless something makes it not current.
 */
export function indexStatus(runs: IndexRuns, expected: ExpectedResolution, imports: ReadonlyMap<Register, ImportState> = new Map()): IndexStatus {
  const run = runs.lastFinished;
  const running = runningRun(runs);
  if (run === null) {
    return {
      info: { runId: null, ruleSet: null, evaluationDate: null, finishedAt: null, families: 0, current: false, running },
      warning: {
        code: 'INDEX_MISSING',
        message:
          running === null
            ? `The resolution index has no finished run, so answers from it are empty or partial. ${RESOLVE}`
            : `The resolution index has no finished run, so answers from it are empty or partial: ${runningProblem(running, null)}. ${WAIT_OR_RESUME}`,
      },
    };
  }
  const problems: string[] = [];
  const newerRun = running !== null && running.runId > run.id ? running : null;
  if (newerRun !== null) problems.push(runningProblem(newerRun, run.id));
  if (run.ruleSet !== expected.ruleSet || run.evaluationDate !== expected.evaluationDate) {
    problems.push(
      `run ${run.id} resolved rule set ${run.ruleSet} at ${run.evaluationDate}, the gateway uses rule set ${expected.ruleSet} at ${expected.evaluationDate}`,
    );
  }
  problems.push(...importProblems(imports, run.id, run.startedAt));
  const info = {
    runId: run.id,
    ruleSet: run.ruleSet,
    evaluationDate: run.evaluationDate,
    finishedAt: run.finishedAt,
    families: run.families,
    current: problems.length === 0,
    running: newerRun,
  };
  if (info.current) return { info, warning: null };
  const advice = newerRun === null ? RESOLVE : WAIT_OR_RESUME;
  return { info, warning: { code: 'INDEX_STALE', message: `The resolution index is not current: ${problems.join('; ')}. ${advice}` } };
}
