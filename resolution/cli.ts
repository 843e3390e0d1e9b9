// `npm run resolve`: resolves every family through the running gateway into the index store.
import './tracing';
import { closeStore } from '../common/store/open-store';
import { progressReporter } from '../seed/progress';
import { indexerToken, loadResolutionConfig } from './config';
import { createIndexRepository } from './repository';
import { runResolution } from './run';
import { openIndexStore } from './store';
import { resolutionSummary } from './summary';
import { runCommand } from '../common/cli';
import { parsePeriod, type Period } from '../common/period';

const USAGE = `Usage: npm run resolve -- [--wait] [--period YYYY-MM]

Resolves every family the registers hold through the gateway (GATEWAY_URL, default
http://localhost:4000/graphql, which must be running) into the resolution index: INDEX_DATABASE_URL,
else MYSQL_URL (database dtsen_index), else DATA_DIR/index.sqlite. An interrupted run resumes.
One run fills the index at a time: while another is running this one is refused at once, naming
it, or with --wait waits for it to end. With --period the finished run is kept as that month's
period (docs/resolution.md, "Periods"): run again, the period is replaced; a period before the
newest kept one is refused.`;

async function main(): Promise<number> {
  if (process.argv.slice(2).some((argument) => argument === '--help' || argument === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = process.argv.slice(2);
  let wait = false;
  let period: Period | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const argument = args[i];
    if (argument === '--wait') wait = true;
    else if (argument === '--period' && args[i + 1] !== undefined && period === undefined) period = parsePeriod(args[(i += 1)] ?? '', '--period');
    else {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
  }
  let waitingNoted = false;
  const config = loadResolutionConfig();
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const store = await openIndexStore(config.indexUrl);
  const progress = progressReporter('resolving', 'families');
  try {
    const summary = await runResolution({
      index: createIndexRepository(store),
      gatewayUrl: config.gatewayUrl,
      gatewayToken: await indexerToken(config),
      signal: abort.signal,
      wait,
      ...(period !== undefined && { period }),
      onWaiting: (holder) => {
        if (!waitingNoted) process.stderr.write(`Waiting for the run in progress (${holder.holder}, started ${holder.acquiredAt}) to end\n`);
        waitingNoted = true;
      },
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    process.stdout.write(`${resolutionSummary(summary)}\n`);
    return summary.finished ? 0 : 1;
  } finally {
    progress.stop();
    await closeStore(store);
  }
}

runCommand('resolve', main);
