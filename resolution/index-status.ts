import type { IndexRuns } from './query-repository';

// Whether the index answers for the gateway as it is configured now. The registers keep no
// modification times, so "the registers changed since the run" cannot be told; see
// docs/resolution.md.

/** `IndexInfo` of the schema. */
export interface IndexInfo {
  readonly runId: number | null;
  readonly ruleSet: string | null;
  readonly evaluationDate: string | null;
  readonly finishedAt: string | null;
  readonly families: number;
  readonly current: boolean;
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

/** The index's state from its runs: the last finished run, unless something makes it not current. */
export function indexStatus(runs: IndexRuns, expected: ExpectedResolution): IndexStatus {
  const run = runs.lastFinished;
  if (run === null) {
    return {
      info: { runId: null, ruleSet: null, evaluationDate: null, finishedAt: null, families: 0, current: false },
      warning: {
        code: 'INDEX_MISSING',
        message: `The resolution index has no finished run, so answers from it are empty or partial. ${RESOLVE}`,
      },
    };
  }
  const problems: string[] = [];
  if (runs.unfinished !== null && runs.unfinished.id > run.id) {
    problems.push(`resolution run ${runs.unfinished.id} started after run ${run.id} and has not finished`);
  }
  if (run.ruleSet !== expected.ruleSet || run.evaluationDate !== expected.evaluationDate) {
    problems.push(
      `run ${run.id} resolved rule set ${run.ruleSet} at ${run.evaluationDate}, the gateway uses rule set ${expected.ruleSet} at ${expected.evaluationDate}`,
    );
  }
  const info = {
    runId: run.id,
    ruleSet: run.ruleSet,
    evaluationDate: run.evaluationDate,
    finishedAt: run.finishedAt,
    families: run.families,
    current: problems.length === 0,
  };
  if (info.current) return { info, warning: null };
  return { info, warning: { code: 'INDEX_STALE', message: `The resolution index is not current: ${problems.join('; ')}. ${RESOLVE}` } };
}
