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
import { parseResolveArguments, USAGE } from './arguments';

async function main(): Promise<number> {
  const parsed = parseResolveArguments(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { wait, period } = parsed.arguments;
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
