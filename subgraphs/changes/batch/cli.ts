import { runCommand } from '../../../common/cli';
import { CHANGES_USAGE, parseChangesArguments } from './arguments';
import { loadBatchConfig } from './config';
import { appliedLines, batchLines } from './report-lines';
import { markApplied, runBatch } from './run-batch';

async function main(): Promise<number> {
  const parsed = parseChangesArguments(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${CHANGES_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${CHANGES_USAGE}\n`);
    return 2;
  }
  const config = loadBatchConfig();
  const stores = { changesUrl: config.changesUrl, registerUrls: config.registerUrls };
  const command = parsed.arguments;
  if (command.command === 'applied') {
    const report = await markApplied(stores);
    process.stdout.write([...appliedLines(report), `${report.applied.length} requests APPLIED`].map((line) => `${line}\n`).join(''));
    return 0;
  }
  const report = await runBatch({ ...stores, period: command.period, outDir: command.outDir ?? config.defaultOutDir });
  process.stdout.write(batchLines(command.period, report).map((line) => `${line}\n`).join(''));
  return 0;
}

runCommand('changes', main);
