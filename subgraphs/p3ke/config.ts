import { loadRegisterConfig, type RegisterSubgraphConfig } from '../../common/subgraph/register-config';

export type P3keConfig = RegisterSubgraphConfig;

/** P3KE_PORT (default 4003), the store from P3KE_DATABASE_URL, MYSQL_URL or DATA_DIR. */
export function loadP3keConfig(env: NodeJS.ProcessEnv = process.env): P3keConfig {
  return loadRegisterConfig('p3ke', env);
}
