import { cleanEnv } from 'envalid';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../common/config';

export interface ImportConfig {
  /** The register's store URL (`sqlite:<path>` or `mysql://…/db`); it holds credentials: never log it. */
  readonly storeUrl: string;
}

/** Where the register's store is, read as the seeder reads it; throws naming every bad variable. */
export function loadImportConfig(register: string, env: NodeJS.ProcessEnv = process.env): ImportConfig {
  const parsed = cleanEnv(env, storeLocationSpecs([register]), { reporter: reportConfigErrors });
  return Object.freeze({ storeUrl: storeUrlsFrom([register], parsed)[register] as string });
}
