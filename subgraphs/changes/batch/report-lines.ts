import type { AppliedReport, BatchReport } from './run-batch';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function appliedLines(report: AppliedReport): string[] {
  return [
    ...report.applied.map((entry) => `APPLIED ${entry.id}: imported in ${entry.files.join(', ')}`),
    ...report.rejected.map((entry) => `Not applied: the import of ${entry.file} rejected ${count(entry.rows, 'row', 'rows')} (see its reject file); its requests stay VERIFIED and the next batch carries them again`),
  ];
}

/** What `batch` prints: the requests applied, the files, the requests left out and why, the ones for the programmes' owners, and a summary. */
export function batchLines(period: string, report: BatchReport): string[] {
  const files = report.files.map(
    (file) => `Wrote ${file.file}: ${count(file.families, 'family', 'families')}, ${count(file.rows, 'row', 'rows')}, ${count(file.requests, 'request', 'requests')} (sha256 ${file.checksum}); apply with npm run import -- --source ${file.register} ${file.file}`,
  );
  const leftOut = report.leftOut.map((entry) => `Left out ${entry.id} (${entry.kind}): ${entry.reason}`);
  const owners = report.forProgrammeOwner.map(
    (entry) => `Not in a register file ${entry.id} (${entry.kind}${entry.program === null ? '' : ` ${entry.program}`}): a decision for the programme's owner`,
  );
  const summary =
    report.batchId === null
      ? `No verified request of ${period} changes a register; no file written`
      : report.recorded
        ? `Batch ${report.batchId} of ${period} recorded: ${count(report.files.length, 'file', 'files')}, ${count(report.leftOut.length, 'request', 'requests')} left out`
        : `Batch ${report.batchId} of ${period} was recorded before (the same files); nothing new recorded`;
  return [...appliedLines(report), ...files, ...leftOut, ...owners, summary];
}
