import { cleanEnv, str, url } from 'envalid';
import { mysqlServerUrl, reportConfigErrors, storeUrl } from '../common/config';
import { resolveStoreUrl } from '../common/store-url';

export interface ResolutionConfig {
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly indexUrl: string;
  readonly gatewayUrl: string;
}

/**
 * The index store from `INDEX_DATABASE_URL`, else `MYSQL_URL` (database `dtsen_index`), else
 * `<DATA_DIR>/index.sqlite`; the gateway from `GATEWAY_URL`. Throws naming every bad variable.
 */
export function loadResolutionConfig(env: NodeJS.ProcessEnv = process.env): ResolutionConfig {
  const parsed = cleanEnv(
    env,
    {
      INDEX_DATABASE_URL: storeUrl({ default: undefined, desc: 'The resolution index alone' }),
      MYSQL_URL: mysqlServerUrl({ default: undefined, desc: 'MySQL/MariaDB server holding the stores' }),
      DATA_DIR: str({ default: 'data', desc: 'Folder of the embedded SQLite stores' }),
      GATEWAY_URL: url({ default: 'http://localhost:4000/graphql', desc: 'GraphQL URL of the gateway' }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    indexUrl: resolveStoreUrl('index', {
      mysqlUrl: parsed.MYSQL_URL,
      overrideUrl: parsed.INDEX_DATABASE_URL,
      dataDir: parsed.DATA_DIR,
    }),
    gatewayUrl: parsed.GATEWAY_URL,
  });
}
