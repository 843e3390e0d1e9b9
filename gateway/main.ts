import { createServiceMetrics } from '../common/metrics/service-metrics';
import { serveUntilSignalled } from '../common/serve';
import { closeStore } from '../common/store/open-store';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { openIndexStore } from '../resolution/store';
import { loadGatewayConfig } from './config';
import { buildGateway } from './server';
import { closeRedis, openRedis } from './shared-state/redis-client';
import { readSupergraphSdl } from './supergraph/subgraphs';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  // Opening migrates the index, so households and statistics answer (empty, with a warning) before any run.
  const metrics = createServiceMetrics();
  const indexStore = await openIndexStore(config.indexUrl, { replicaUrls: config.indexReplicaUrls, onQuery: metrics.sqlStatementCounter('index') });
  const log = (message: string) => console.error(message);
  // Connects in the background: a Redis that is down at start leaves the gateway serving from memory, as during an outage.
  const sharedState = config.sharedState ? { redis: openRedis(config.sharedState.redisUrl, log), keyPrefix: config.sharedState.keyPrefix } : undefined;
  const gateway = await buildGateway({ ...config, sharedState, supergraphSdl: readSupergraphSdl(), index: createIndexQueryRepository(indexStore), metrics, log });
  await serveUntilSignalled({
    name: 'DTSEN gateway',
    app: gateway.app,
    port: config.port,
    release: async () => {
      await gateway.stop();
      if (sharedState) await closeRedis(sharedState.redis);
      await closeStore(indexStore);
    },
  });
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
