// `npm run usage [-- --url URL] [--organisation NAME] [--field Type.field] [--json]`: which
// organisations' operations select which schema fields, read from a gateway's /metrics, so that a
// schema change can name whom it breaks (docs/partners.md, "Field usage").
import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli';
import { fieldUsageOf, usageTable } from '../gateway/observability/field-usage-report';

const DEFAULT_URL = 'http://localhost:4000/metrics';

const USAGE = `Usage: npm run usage -- [--url ${DEFAULT_URL}] [--organisation NAME] [--field Type.field] [--json]

Reads dtsen_gateway_field_usage_total from the gateway's /metrics: operations run since the
gateway started, per organisation and schema coordinate. Organisations past the gateway's bound
are counted as "other". --json prints [{ coordinate, organisation, operations }].`;

const COORDINATE = /^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: DEFAULT_URL },
      organisation: { type: 'string' },
      field: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.field !== undefined && !COORDINATE.test(values.field)) {
    process.stderr.write(`"${values.field}" is not a schema coordinate such as Household.noKK.\n${USAGE}\n`);
    return 2;
  }
  const response = await fetch(values.url).catch((error: unknown) => {
    throw new Error(`could not reach ${values.url} (${error instanceof Error ? error.message : String(error)}): is the gateway running?`);
  });
  if (!response.ok) throw new Error(`${values.url} answered ${response.status}`);
  const usage = fieldUsageOf(await response.text(), {
    ...(values.organisation !== undefined ? { organisation: values.organisation } : {}),
    ...(values.field !== undefined ? { coordinate: values.field } : {}),
  });
  process.stdout.write(values.json ? `${JSON.stringify(usage, null, 2)}\n` : `${usageTable(usage)}\n`);
  return 0;
}

runCommand('usage', main);
