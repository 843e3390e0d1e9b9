import { cleanEnv, str } from 'envalid';
import { parseIsoDate, reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../common/config';
import { REGISTERS, type Register } from '../common/store-url';

export interface SeedConfig {
  /** Store URL per register (`sqlite:<path>` or `mysql://…/db`); they hold credentials: never log them. */
  readonly stores: Readonly<Record<Register, string>>;
  readonly dataDir: string;
  /** Ages and dates of the generated data are relative to this day (midnight UTC). */
  readonly evaluationDate: Date;
}

/**
 * The seeder's settings: each store from `<REGISTER>_DATABASE_URL`, else `MYSQL_URL` (databases
 * `dtsen_<register>`), else a SQLite file in `DATA_DIR` (default `data`); `EVALUATION_DATE`
 * (YYYY-MM-DD, default today). Throws naming every bad variable.
 */
export function loadSeedConfig(env: NodeJS.ProcessEnv = process.env, today = new Date()): SeedConfig {
  const parsed = cleanEnv(
    env,
    {
      ...storeLocationSpecs(REGISTERS),
      EVALUATION_DATE: str({ default: '', desc: 'YYYY-MM-DD; today when empty' }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    stores: storeUrlsFrom(REGISTERS, parsed),
    dataDir: parsed.DATA_DIR,
    evaluationDate: parseIsoDate(parsed.EVALUATION_DATE, 'EVALUATION_DATE', today),
  });
}
