import { cleanEnv, port } from 'envalid';
import { reportConfigErrors } from '../../common/config';
import { loadGatewayConfig, type GatewayConfig } from '../../gateway/config';
import type { SubgraphName } from '../../gateway/supergraph/subgraphs';

/**
 * Hive Gateway in the bench, configured from the variables our gateway reads (register URLs,
 * DTSEN_URL, token source, signing secret, rate limit, limits), so both run alike; only its port
 * is its own.
 */
export interface HiveGatewayConfig extends Pick<GatewayConfig, 'subgraphTimeoutMs' | 'tokenSource' | 'signingSecret' | 'subgraphKeys' | 'rateLimitPerMinute' | 'limits' | 'introspection'> {
  readonly port: number;
  /** Every subgraph of the supergraph, the dtsen subgraph included: Hive Gateway cannot run it in process. */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
}

export function loadHiveGatewayConfig(env: NodeJS.ProcessEnv = process.env): HiveGatewayConfig {
  const { HIVE_PORT } = cleanEnv(env, { HIVE_PORT: port({ default: 4005, desc: 'Port of Hive Gateway in the bench' }) }, { reporter: reportConfigErrors });
  const gateway = loadGatewayConfig(env);
  if (!gateway.dtsenUrl) throw new Error('DTSEN_URL is required: Hive Gateway reaches the dtsen subgraph over HTTP (subgraphs/main.ts dtsen)');
  return Object.freeze({
    port: HIVE_PORT,
    subgraphUrls: Object.freeze({ ...gateway.subgraphUrls, dtsen: gateway.dtsenUrl }),
    subgraphTimeoutMs: gateway.subgraphTimeoutMs,
    tokenSource: gateway.tokenSource,
    signingSecret: gateway.signingSecret,
    ...(gateway.subgraphKeys ? { subgraphKeys: gateway.subgraphKeys } : {}),
    rateLimitPerMinute: gateway.rateLimitPerMinute,
    limits: gateway.limits,
    introspection: gateway.introspection,
  });
}
