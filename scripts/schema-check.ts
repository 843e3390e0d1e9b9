// `npm run schema:check [-- --json]`: would the subgraph SDLs of the working tree break a client? Composes
// them in memory, compares the API schema and every contract with the committed ones and re-validates
// every registered operation (docs/partners.md, "Schema checks").
import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli';
import { checkSchema, exitCodeOf } from '../gateway/schema-checks/schema-check';
import { schemaCheckReport } from '../gateway/schema-checks/schema-check-report';

const USAGE = `Usage: npm run schema:check [-- --json] [--operations-dir DIR]

Composes subgraphs/*/schema.graphql in memory (nothing is written) and compares the API schema and
every contract with schema/api.graphql and schema/contracts/, then re-validates every operation
registered under operations/ against the new contract it was registered for. Exits 0 when nothing
breaks (dangerous changes are printed as warnings), 1 on a breaking change or a broken registered
operation, 2 when the subgraphs do not compose. --json prints the result as JSON.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, 'operations-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const result = checkSchema(values['operations-dir'] === undefined ? {} : { operationsDir: values['operations-dir'] });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${schemaCheckReport(result)}\n`);
  return exitCodeOf(result);
}

runCommand('schema:check', main);
