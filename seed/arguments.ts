import { parseArgs } from 'node:util';
import { parseArgsMessage, type ParsedCommandLine } from '../common/cli';
import { dottedRegionCode, findRegion, plainRegionCode } from '../common/regions';
import { DEFAULT_PBI_JK_ERROR_RATES, DEFAULT_SEED_REGION, MAX_FAMILIES, type PbiJkErrorRates } from './generator';
import { DEFAULT_BATCH_SIZE } from './seed';

export interface SeedArguments {
  readonly families: number;
  readonly seed: number;
  /** Plain code of the province (2 digits) or regency/city (4) the families live in. */
  readonly region: string;
  readonly batchSize: number;
  readonly truthFile: string | null;
  /** Stores that already hold data are left as they are instead of being an error. */
  readonly ifEmpty: boolean;
  /** PBI-JK errors and DTKS-vs-BPJS disagreements the seeder injects (seed/generator/bpjs.ts). */
  readonly pbiJkErrors: PbiJkErrorRates;
}

export type ParsedArguments = ParsedCommandLine<SeedArguments>;

export const USAGE = `Usage: npm run seed -- [--families N] [--seed S] [--region CODE] [--truth FILE] [--batch N] [--if-empty] [--pbi-jk-errors I,E,D[,G]]

Generates N families (default 5000) from seed S (default 1) into the stores of every stored subgraph (DTKS, Regsosek, P3KE, BPJS),
which must be empty. --region puts them in a province (53) or regency/city (53.71 or 5371) of
Indonesia (default ${DEFAULT_SEED_REGION}, DKI Jakarta). --truth writes the ground truth (one JSON line per household) to FILE.
--batch sets the families per insert batch (default ${DEFAULT_BATCH_SIZE}).
--if-empty does nothing (and succeeds) when the stores already hold data.
--pbi-jk-errors sets the shares of PBI-JK inclusion errors, exclusion errors, DTKS-vs-BPJS
disagreements and graduation candidates the seeder injects (default ${DEFAULT_PBI_JK_ERROR_RATES.inclusion},${DEFAULT_PBI_JK_ERROR_RATES.exclusion},${DEFAULT_PBI_JK_ERROR_RATES.dtksDisagreement},${DEFAULT_PBI_JK_ERROR_RATES.graduation}; docs/data.md).

Stores: <REGISTER>_DATABASE_URL, else MYSQL_URL, else SQLite files in DATA_DIR (default data).
EVALUATION_DATE=YYYY-MM-DD sets the day ages and dates are relative to (default today).`;

function integer(value: string, name: string, low: number, high: number): number | string {
  if (!/^-?\d+$/.test(value)) return `--${name} must be an integer, got "${value}"`;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < low || number > high) return `--${name} must be from ${low} to ${high}, got ${value}`;
  return number;
}

/** A province or regency code Kemendagri lists, as plain digits; else the problem. */
export function region(value: string): { readonly code: string } | { readonly problem: string } {
  const plain = plainRegionCode(value);
  if (plain === null || (plain.length !== 2 && plain.length !== 4)) {
    return { problem: `--region must be a province or regency/city code such as 53, 53.71 or 5371, got "${value}"` };
  }
  if (!findRegion(plain)) return { problem: `--region ${dottedRegionCode(plain)} is not a province or regency/city of Indonesia` };
  return { code: plain };
}

/** Three shares from 0 to 1, separated by commas; else the problem. */
function pbiJkErrors(value: string): PbiJkErrorRates | string {
  const parts = value.split(',');
  const shares = parts.map(Number);
  const malformed = parts.some((part) => !/^(0(\.\d+)?|1(\.0+)?)$/.test(part.trim())) || shares.some((share) => !(share >= 0 && share <= 1));
  if ((parts.length !== 3 && parts.length !== 4) || malformed) {
    return `--pbi-jk-errors must be three or four shares from 0 to 1 (inclusion,exclusion,disagreement[,graduation]), got "${value}"`;
  }
  const [inclusion = 0, exclusion = 0, dtksDisagreement = 0, graduation = DEFAULT_PBI_JK_ERROR_RATES.graduation] = shares;
  return { inclusion, exclusion, dtksDisagreement, graduation };
}

/** Reads the command line; never exits, so that it can be tested. */
export function parseSeedArguments(argv: readonly string[]): ParsedArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        families: { type: 'string', default: '5000' },
        seed: { type: 'string', default: '1' },
        region: { type: 'string', default: DEFAULT_SEED_REGION },
        truth: { type: 'string' },
        batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
        'if-empty': { type: 'boolean', default: false },
        'pbi-jk-errors': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: parseArgsMessage(error) };
  }
  if (values.help) return { kind: 'help' };
  const families = integer(values.families, 'families', 1, MAX_FAMILIES);
  const seed = integer(values.seed, 'seed', 0, Number.MAX_SAFE_INTEGER);
  const batchSize = integer(values.batch, 'batch', 1, 100_000);
  const problem = [families, seed, batchSize].find((value): value is string => typeof value === 'string');
  if (problem !== undefined) return { kind: 'error', message: problem };
  if (values.truth === '') return { kind: 'error', message: '--truth needs a file name' };
  const place = region(values.region);
  if ('problem' in place) return { kind: 'error', message: place.problem };
  const errors = values['pbi-jk-errors'] === undefined ? DEFAULT_PBI_JK_ERROR_RATES : pbiJkErrors(values['pbi-jk-errors']);
  if (typeof errors === 'string') return { kind: 'error', message: errors };
  return {
    kind: 'run',
    arguments: {
      families: families as number,
      seed: seed as number,
      region: place.code,
      batchSize: batchSize as number,
      truthFile: values.truth ?? null,
      ifEmpty: values['if-empty'],
      pbiJkErrors: errors,
    },
  };
}
