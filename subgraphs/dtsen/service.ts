import { loadLoggingConfig } from '../../common/logging/config';
import { createLogger, exitOnStartFailure, type Logger } from '../../common/logging/logger';
import { createServiceMetrics } from '../../common/metrics/service-metrics';
import { serveUntilSignalled } from '../../common/serve';
import { closeStore } from '../../common/store/open-store';
import { createIndexQueryRepository } from '../../resolution/query-repository';
import { openIndexStore } from '../../resolution/store';
import type { SubgraphAddress } from '../../common/subgraph/descriptor';
import { loadDtsenServiceConfig } from './config';
import { buildDtsenServiceApp } from './server';

/**
 * Serves the dtsen subgraph as its own process (subgraphs/main.ts dtsen) over the resolution index,
 * calling the registers `registry` lists, until SIGINT/SIGTERM. Exits 1 naming the problem when it
 * cannot start.
 */
export function serveDtsen(registry: readonly SubgraphAddress[]): void {
  let logger: Logger | undefined;
  const start = async () => {
    const logging = loadLoggingConfig();
    logger = createLogger(logging, 'dtsen');
    await serve(registry, logger, logging.slowQueryMs);
  };
  start().catch((error: unknown) => exitOnStartFailure(logger, 'dtsen subgraph', error));
}

async function serve(registry: readonly SubgraphAddress[], dtsenLogger: Logger, slowQueryMs: number): Promise<void> {
  const config = loadDtsenServiceConfig(registry);
  const metrics = createServiceMetrics();
  const indexStore = await openIndexStore(config.indexUrl, { onQuery: metrics.sqlStatementCounter('index'), logger: dtsenLogger, slowQueryMs });
  const { app, stop } = await buildDtsenServiceApp({
    ...config,
    metrics,
    logger: dtsenLogger,
    index: createIndexQueryRepository(indexStore),
    ready: async () => {
      await indexStore.query('SELECT 1');
    },
  });
  await serveUntilSignalled({
    logger: dtsenLogger,
    name: 'dtsen subgraph',
    app,
    port: config.port,
    release: async () => {
      await stop();
      await closeStore(indexStore);
    },
  });
}
