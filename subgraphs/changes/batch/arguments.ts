import { parseArgs } from 'node:util';
import { parseArgsMessage, type ParsedCommandLine } from '../../../common/cli';
import { isPeriod, type Period } from '../../../common/period';

export type ChangesCommand =
  | { readonly command: 'batch'; readonly period: Period; readonly outDir: string | null }
  | { readonly command: 'applied' };

export type ParsedChangesArguments = ParsedCommandLine<ChangesCommand>;

export const CHANGES_USAGE = `Usage: npm run changes -- batch --period YYYY-MM [--out DIR]
       npm run changes -- applied

batch    Writes the period's VERIFIED change requests as register CSV files in the import format
         (docs/import.md), one per register they change, into DIR (default DATA_DIR/batches), and
         records the batch in the changes store; apply each with
         npm run import -- --source <register> FILE. A request that no longer applies is left
         out with its reason, printed and kept in its history. Run again without new verified
         requests, it writes the same files and records nothing new.
applied  Moves to APPLIED the requests of batch files whose import is finished in the registers'
         import ledgers (batch does this first too).

Stores: CHANGES_DATABASE_URL, <REGISTER>_DATABASE_URL, else MYSQL_URL, else SQLite files in
DATA_DIR (default data). Exit codes: 0 done, 1 failed, 2 bad arguments.`;


/** Reads the changes command line; never exits, so that it can be tested. */
export function parseChangesArguments(argv: readonly string[]): ParsedChangesArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { period: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return { kind: 'error', message: parseArgsMessage(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (rest.length > 0) return { kind: 'error', message: `Unexpected argument "${rest[0]}"` };
  if (command === 'applied') {
    if (values.period !== undefined || values.out !== undefined) return { kind: 'error', message: 'applied takes no --period or --out' };
    return { kind: 'run', arguments: { command: 'applied' } };
  }
  if (command !== 'batch') return { kind: 'error', message: `Give a command, batch or applied${command === undefined ? '' : `, not "${command}"`}` };
  if (values.period === undefined || !isPeriod(values.period)) return { kind: 'error', message: `--period must be a period as YYYY-MM, got "${values.period ?? ''}"` };
  if (values.out === '') return { kind: 'error', message: '--out needs a folder' };
  return { kind: 'run', arguments: { command: 'batch', period: values.period, outDir: values.out ?? null } };
}
