import { parseSeedArguments, USAGE } from './arguments';
import { loadSeedConfig } from './config';
import { progressReporter, seedSummary } from './progress';
import { seedStores, storesHaveData } from './seed';
import { runCommand } from '../common/cli';

async function main(): Promise<number> {
  const parsed = parseSeedArguments(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadSeedConfig();
  if (parsed.arguments.ifEmpty && (await storesHaveData(config.stores))) {
    process.stdout.write('The stores already hold data; nothing to seed\n');
    return 0;
  }
  const progress = progressReporter();
  try {
    const report = await seedStores({
      families: parsed.arguments.families,
      seed: parsed.arguments.seed,
      region: parsed.arguments.region,
      batchSize: parsed.arguments.batchSize,
      pbiJkErrors: parsed.arguments.pbiJkErrors,
      evaluationDate: config.evaluationDate,
      stores: config.stores,
      ...(parsed.arguments.truthFile ? { truthFile: parsed.arguments.truthFile } : {}),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    process.stdout.write(`${seedSummary(report)}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    throw error;
  }
}

runCommand('seed', main);
