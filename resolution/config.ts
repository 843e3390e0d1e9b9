import { cleanEnv, str, url } from 'envalid';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../common/config';

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
      ...storeLocationSpecs(['index']),
      GATEWAY_URL: url({ default: 'http://localhost:4000/graphql', desc: 'GraphQL URL of the gateway' }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    indexUrl: storeUrlsFrom(['index'], parsed).index,
    gatewayUrl: parsed.GATEWAY_URL,
  });
}
