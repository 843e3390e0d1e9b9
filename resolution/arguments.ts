import { parseArgs } from 'node:util';
import { parseArgsMessage, type ParsedCommandLine } from '../common/cli';
import { isPeriod, type Period } from '../common/period';

export interface ResolveArguments {
  /** Waits for a run in progress to end instead of being refused. */
  readonly wait: boolean;
  /** The month the finished run is kept as (docs/resolution.md, "Periods"); undefined: none. */
  readonly period: Period | undefined;
}

export type ParsedResolveArguments = ParsedCommandLine<ResolveArguments>;

export const USAGE = `Usage: npm run resolve -- [--wait] [--period YYYY-MM]

Resolves every family the registers hold through the gateway (GATEWAY_URL, default
http://localhost:4000/graphql, which must be running) into the resolution index: INDEX_DATABASE_URL,
else MYSQL_URL (database dtsen_index), else DATA_DIR/index.sqlite. An interrupted run resumes.
One run fills the index at a time: while another is running this one is refused at once, naming
it, or with --wait waits for it to end. With --period the finished run is kept as that month's
period (docs/resolution.md, "Periods"): run again, the period is replaced; a period before the
newest kept one is refused.`;

/** `npm run resolve`'s arguments; a bad one is an error the command answers with its usage (exit 2). */
export function parseResolveArguments(argv: readonly string[]): ParsedResolveArguments {
  let values: { wait?: boolean; period?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      options: { wait: { type: 'boolean' }, period: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { kind: 'error', message: parseArgsMessage(error) };
  }
  if (values.help) return { kind: 'help' };
  if (values.period !== undefined && !isPeriod(values.period)) return { kind: 'error', message: `--period must be a period as YYYY-MM, got "${values.period}"` };
  return { kind: 'run', arguments: { wait: values.wait ?? false, period: values.period as Period | undefined } };
}
