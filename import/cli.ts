import { runCommand } from '../common/cli';
import { progressReporter } from '../seed/progress';
import { IMPORT_USAGE, parseImportArguments } from './arguments';
import { loadImportConfig } from './config';
import { importFile, type ImportReport } from './import-file';

const MEGABYTE = 1024 * 1024;

export function importSummary(file: string, report: ImportReport): string {
  const counts = `${report.rowsIn} rows in = ${report.rowsStored} stored + ${report.rowsRejected} rejected; ${report.familiesWritten} families written`;
  switch (report.status) {
    case 'already-imported':
      return `${file} (sha256 ${report.checksum}) was already imported (import ${report.importId}: ${counts}); nothing to do`;
    case 'interrupted':
      return `Import ${report.importId} of ${file} stopped after its last committed batch: ${counts}; run the same command again to resume`;
    case 'finished': {
      const resumed = report.resumedAfterLine === null ? '' : ` (resumed after line ${report.resumedAfterLine})`;
      const rejects = report.rowsRejected > 0 ? `; rejected rows with reasons in ${report.rejectsFile}` : '';
      return `Imported ${file}${resumed}: ${counts}; ${report.seconds.toFixed(1)} s${rejects}`;
    }
  }
}

async function main(): Promise<number> {
  const parsed = parseImportArguments(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const { register, file, rejectsFile, batchSize } = parsed.arguments;
  const config = loadImportConfig(register);
  // Ctrl-C lets the batch being written commit, so that running the command again resumes after it.
  const abort = new AbortController();
  const interrupt = (): void => abort.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const progress = progressReporter(`importing ${register}`, 'MB');
  try {
    const report = await importFile({
      register,
      file,
      storeUrl: config.storeUrl,
      batchSize,
      ...(rejectsFile ? { rejectsFile } : {}),
      signal: abort.signal,
      onProgress: (bytes, total) => progress.update(Math.round(bytes / MEGABYTE), Math.max(1, Math.round(total / MEGABYTE))),
    });
    progress.stop();
    process.stdout.write(`${importSummary(file, report)}\n`);
    return report.status === 'interrupted' ? 130 : 0;
  } finally {
    progress.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

runCommand('import', main);
