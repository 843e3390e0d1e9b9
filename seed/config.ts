import { cleanEnv, str } from 'envalid';
import { parseIsoDate, reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../common/config';
import { STORED_SUBGRAPHS } from '../subgraphs/registry';

export interface SeedConfig {
  /** Store URL per stored subgraph of the registry (`sqlite:<path>` or `mysql://…/db`); they hold credentials: never log them. */
  readonly stores: Readonly<Record<string, string>>;
  readonly dataDir: string;
  /** Ages and dates of the generated data are relative to this day (midnight UTC). */
  readonly evaluationDate: Date;
}

/**
 * The seeder's settings: the store of each stored subgraph (subgraphs/registry.ts) from
 * `<NAME>_DATABASE_URL`, else `MYSQL_URL` (databases `dtsen_<name>`), else a SQLite file in `DATA_DIR` (default `data`); `EVALUATION_DATE`
 * (YYYY-MM-DD, default today). Throws naming every bad variable.
 */
const STORE_NAMES = STORED_SUBGRAPHS.map((subgraph) => subgraph.name);

export function loadSeedConfig(env: NodeJS.ProcessEnv = process.env, today = new Date()): SeedConfig {
  const parsed = cleanEnv(
    env,
    {
      ...storeLocationSpecs(STORE_NAMES),
      EVALUATION_DATE: str({ default: '', desc: 'YYYY-MM-DD; today when empty' }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    stores: storeUrlsFrom(STORE_NAMES, parsed),
    dataDir: parsed.DATA_DIR,
    evaluationDate: parseIsoDate(parsed.EVALUATION_DATE, 'EVALUATION_DATE', today),
  });
}
