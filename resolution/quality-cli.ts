// `npm run quality -- --truth FILE`: the index's data-quality codes against the seeder's truth.
import { parseArgs } from 'node:util';
import { closeStore } from '../common/store/open-store';
import { loadResolutionConfig } from './config';
import { compareIssues, compareTargeting, qualityTable, readTruthFile, readTruthTargeting, targetingTable } from './quality';
import { createIndexRepository, type IssueKey } from './repository';
import { openIndexStore } from './store';
import { runCommand } from '../common/cli';

const USAGE = `Usage: npm run quality -- --truth FILE

Compares the data-quality codes of the resolution index (INDEX_DATABASE_URL, else MYSQL_URL,
else DATA_DIR/index.sqlite) with the truth file the seeder wrote (npm run seed -- --truth FILE)
and prints precision and recall per code, on distinct (No. KK, code, NIK); then, per programme
the truth gives targeting for, precision and recall of its inclusion errors, graduation
candidates and exclusion errors over those households.`;

async function main(): Promise<number> {
  let truthFile: string | undefined;
  try {
    const { values } = parseArgs({ options: { truth: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    truthFile = values.truth;
  } catch (error) {
    process.stderr.write(`${(error as { message?: string }).message ?? String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (!truthFile) {
    process.stderr.write(`--truth FILE is required\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadResolutionConfig();
  const truth = await readTruthFile(truthFile);
  const targetingTruth = await readTruthTargeting(truthFile);
  const store = await openIndexStore(config.indexUrl);
  try {
    const index = createIndexRepository(store);
    const run = await index.lastFinishedRun();
    if (!run) process.stderr.write('warning: the index has no finished resolution run; run npm run resolve first\n');
    const detected: IssueKey[] = [];
    for await (const issue of index.issueKeys()) detected.push(issue);
    const households = await index.countHouseholds();
    process.stdout.write(
      `Index: ${households} households${run ? ` (run ${run.id}, rule set ${run.ruleSet}, evaluation date ${run.evaluationDate})` : ''}; ` +
        `truth: ${truth.length} defects\n\n${qualityTable(compareIssues(truth, detected))}\n`,
    );
    if (targetingTruth.length > 0) {
      const statuses = new Map<string, string>();
      for await (const household of index.households()) {
        for (const entry of household.targeting) statuses.set(`${household.noKK}|${entry.program}`, entry.status);
      }
      const rows = compareTargeting(targetingTruth, (noKK, program) => statuses.get(`${noKK}|${program}`));
      process.stdout.write(`\nTargeting errors and graduation candidates:\n\n${targetingTable(rows)}\n`);
    }
    return 0;
  } finally {
    await closeStore(store);
  }
}

runCommand('quality', main);
