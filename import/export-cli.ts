import { runCommand } from '../common/cli';
import { loadSeedConfig } from '../seed/config';
import { progressReporter } from '../seed/progress';
import { EXPORT_USAGE, parseExportArguments } from './arguments';
import { exportGeneratedCsv } from './export-csv';

async function main(): Promise<number> {
  const parsed = parseExportArguments(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const { evaluationDate } = loadSeedConfig();
  const progress = progressReporter('exporting');
  try {
    const counts = await exportGeneratedCsv({ ...parsed.arguments, evaluationDate, onProgress: (done, total) => progress.update(done, total) });
    progress.stop();
    for (const count of Object.values(counts)) process.stdout.write(`${count.file}: ${count.families} families, ${count.rows} rows\n`);
    return 0;
  } finally {
    progress.stop();
  }
}

runCommand('export-csv', main);
