import { cleanEnv, str, url } from 'envalid';
import { loadLocalTokenSecret } from '../gateway/auth/local-token-config';
import { localRoleToken } from '../gateway/auth/role-tokens';
import { reportConfigErrors, storeLocationSpecs, storeUrlsFrom } from '../common/config';

export interface ResolutionConfig {
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly indexUrl: string;
  readonly gatewayUrl: string;
  /** GATEWAY_TOKEN: an indexer token from the identity provider; null: mint a local one (indexerToken). */
  readonly gatewayToken: string | null;
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
      GATEWAY_TOKEN: str({ default: '', desc: 'Bearer token of the indexer role; empty: a local token' }),
    },
    { reporter: reportConfigErrors },
  );
  return Object.freeze({
    indexUrl: storeUrlsFrom(['index'], parsed).index,
    gatewayUrl: parsed.GATEWAY_URL,
    gatewayToken: parsed.GATEWAY_TOKEN || null,
  });
}

/** The run's bearer token: GATEWAY_TOKEN, else a one-hour local indexer token (AUTH_JWT_SECRET or npm start's secret). */
export async function indexerToken(config: ResolutionConfig, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (config.gatewayToken) return config.gatewayToken;
  return localRoleToken(loadLocalTokenSecret(env), { role: 'indexer', subject: 'resolution-run', purpose: 'resolution index of eligibility and data quality', expiresIn: '1h' });
}
