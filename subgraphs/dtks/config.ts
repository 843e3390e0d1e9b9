import { loadRegisterConfig, type RegisterSubgraphConfig } from '../../common/subgraph/register-config';

export type DtksConfig = RegisterSubgraphConfig;

/** DTKS_PORT (default 4001), the store from DTKS_DATABASE_URL, MYSQL_URL or DATA_DIR. */
export function loadDtksConfig(env: NodeJS.ProcessEnv = process.env): DtksConfig {
  return loadRegisterConfig('dtks', env);
}
