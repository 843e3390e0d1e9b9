import { cleanEnv, str } from 'envalid';
import { mysqlServerUrl, parseIsoDate, reportConfigErrors, storeUrl } from '../common/config';
import { REGISTERS, resolveStoreUrl, type Register } from '../common/store-url';

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
      MYSQL_URL: mysqlServerUrl({ default: undefined, desc: 'MySQL/MariaDB server holding the three stores' }),
      DTKS_DATABASE_URL: storeUrl({ default: undefined, desc: 'The DTKS store alone' }),
      REGSOSEK_DATABASE_URL: storeUrl({ default: undefined, desc: 'The Regsosek store alone' }),
      P3KE_DATABASE_URL: storeUrl({ default: undefined, desc: 'The P3KE store alone' }),
      DATA_DIR: str({ default: 'data', desc: 'Folder of the embedded SQLite stores' }),
      EVALUATION_DATE: str({ default: '', desc: 'YYYY-MM-DD; today when empty' }),
    },
    { reporter: reportConfigErrors },
  );
  const overrides: Readonly<Record<Register, string | undefined>> = {
    dtks: parsed.DTKS_DATABASE_URL,
    regsosek: parsed.REGSOSEK_DATABASE_URL,
    p3ke: parsed.P3KE_DATABASE_URL,
  };
  const stores = Object.fromEntries(
    REGISTERS.map((register) => [
      register,
      resolveStoreUrl(register, { mysqlUrl: parsed.MYSQL_URL, overrideUrl: overrides[register], dataDir: parsed.DATA_DIR }),
    ]),
  ) as Record<Register, string>;
  return Object.freeze({
    stores: Object.freeze(stores),
    dataDir: parsed.DATA_DIR,
    evaluationDate: parseIsoDate(parsed.EVALUATION_DATE, 'EVALUATION_DATE', today),
  });
}
