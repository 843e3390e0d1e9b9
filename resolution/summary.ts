import type { ResolutionSummary } from './run';

export function resolutionSummary(summary: ResolutionSummary): string {
  const what = summary.finished ? `Resolved ${summary.families} households` : `Stopped after ${summary.families} more listed families (resume with npm run resolve)`;
  const resumed = summary.resumed ? `, resuming run ${summary.runId}` : `, run ${summary.runId}`;
  return (
    `${what} into the index${resumed}: rule set ${summary.ruleSet}, evaluation date ${summary.evaluationDate}, ` +
    `${summary.pages} pages, ${summary.seconds.toFixed(1)} s`
  );
}
