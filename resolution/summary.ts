import type { ResolutionSummary } from './run';

export function resolutionSummary(summary: ResolutionSummary): string {
  const what = summary.finished ? `Resolved ${summary.families} households` : `Stopped after ${summary.families} more listed families (resume with npm run resolve)`;
  const resumed = summary.resumed ? `, resuming run ${summary.runId}` : `, run ${summary.runId}`;
  const period = summary.period === null ? '' : summary.finished ? `, kept as period ${summary.period}` : ` for period ${summary.period}`;
  return (
    `${what} into the index${resumed}${period}: rule set ${summary.ruleSet}, evaluation date ${summary.evaluationDate}, ` +
    `${summary.pages} pages, ${summary.seconds.toFixed(1)} s`
  );
}
