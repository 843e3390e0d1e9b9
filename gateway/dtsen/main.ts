import './tracing';
import { createServiceMetrics } from '../../common/metrics/service-metrics';
import { serveUntilSignalled } from '../../common/serve';
import { closeStore } from '../../common/store/open-store';
import { createIndexQueryRepository } from '../../resolution/query-repository';
import { openIndexStore } from '../../resolution/store';
import { loadDtsenServiceConfig } from './config';
import { buildDtsenServiceApp } from './server';

async function main(): Promise<void> {
  const config = loadDtsenServiceConfig();
  const metrics = createServiceMetrics();
  const indexStore = await openIndexStore(config.indexUrl, { onQuery: metrics.sqlStatementCounter('index') });
  const { app, stop } = await buildDtsenServiceApp({
    ...config,
    metrics,
    index: createIndexQueryRepository(indexStore),
    ready: async () => {
      await indexStore.query('SELECT 1');
    },
  });
  await serveUntilSignalled({
    name: 'dtsen subgraph',
    app,
    port: config.port,
    release: async () => {
      await stop();
      await closeStore(indexStore);
    },
  });
}

main().catch((error: unknown) => {
  console.error(`dtsen subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
