// `npm run subgraph:check -- --name NAME --sdl FILE [--url URL] [--json]`: may this subgraph join the
// federation? Composes it with the registry's subgraphs in memory and runs the schema check
// (docs/partners.md, "Adding your own subgraph").
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli';
import { subgraphCheckReport } from '../gateway/schema-checks/schema-check-report';
import { checkSubgraph, CONTRACT_TAGS, subgraphExitCode, subgraphNameProblem } from '../gateway/schema-checks/subgraph-candidate';

const USAGE = `Usage: npm run subgraph:check -- --name NAME --sdl FILE [--url URL] [--json] [--operations-dir DIR]

Composes FILE, the SDL of subgraph NAME (a new name adds it, a name of subgraphs/registry.ts replaces
that subgraph's SDL), with the other subgraphs in memory. Checks that every field of FILE has a
@disclosure class and that its @tags are the contract profiles' (${CONTRACT_TAGS.join(', ')}),
then runs npm run schema:check on the result: nothing in schema/api.graphql, the contracts or the
registered operations may break. Exits 0 when it may join, 1 on any problem, 2 when it does not
compose. --json prints the result as JSON.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      sdl: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'boolean', default: false },
      'operations-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.name === undefined || values.sdl === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const nameProblem = subgraphNameProblem(values.name);
  if (nameProblem) {
    process.stderr.write(`--name ${nameProblem}\n`);
    return 2;
  }
  const result = checkSubgraph(
    { name: values.name, sdl: readFileSync(values.sdl, 'utf8'), ...(values.url === undefined ? {} : { url: values.url }) },
    values['operations-dir'] === undefined ? {} : { operationsDir: values['operations-dir'] },
  );
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${subgraphCheckReport(result, CONTRACT_TAGS)}\n`);
  return subgraphExitCode(result);
}

runCommand('subgraph:check', main);
