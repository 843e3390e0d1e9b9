import type { AppliedReport, BatchReport } from './run-batch';

export function appliedLines(report: AppliedReport): string[] {
  return [
    ...report.applied.map((entry) => `APPLIED ${entry.id}: imported in ${entry.files.join(', ')}`),
    ...report.rejected.map((entry) => `Not applied: the import of ${entry.file} rejected ${entry.rows} rows (see its reject file); its requests stay VERIFIED and the next batch carries them again`),
  ];
}

/** What `batch` prints: the requests applied, the files, the requests left out and why, the ones for the programmes' owners, and a summary. */
export function batchLines(period: string, report: BatchReport): string[] {
  const files = report.files.map(
    (file) => `Wrote ${file.file}: ${file.families} families, ${file.rows} rows, ${file.requests} requests (sha256 ${file.checksum}); apply with npm run import -- --source ${file.register} ${file.file}`,
  );
  const leftOut = report.leftOut.map((entry) => `Left out ${entry.id} (${entry.kind}): ${entry.reason}`);
  const owners = report.forProgrammeOwner.map(
    (entry) => `Not in a register file ${entry.id} (${entry.kind}${entry.program === null ? '' : ` ${entry.program}`}): a decision for the programme's owner`,
  );
  const summary =
    report.batchId === null
      ? `No verified request of ${period} changes a register; no file written`
      : report.recorded
        ? `Batch ${report.batchId} of ${period} recorded: ${report.files.length} files, ${report.leftOut.length} requests left out`
        : `Batch ${report.batchId} of ${period} was recorded before (the same files); nothing new recorded`;
  return [...appliedLines(report), ...files, ...leftOut, ...owners, summary];
}
