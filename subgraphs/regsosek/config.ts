import { loadRegisterConfig, type RegisterSubgraphConfig } from '../../common/subgraph/register-config';

export type RegsosekConfig = RegisterSubgraphConfig;

/** REGSOSEK_PORT (default 4002), the store from REGSOSEK_DATABASE_URL, MYSQL_URL or DATA_DIR. */
export function loadRegsosekConfig(env: NodeJS.ProcessEnv = process.env): RegsosekConfig {
  return loadRegisterConfig('regsosek', env);
}
