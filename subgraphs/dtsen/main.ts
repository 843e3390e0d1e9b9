import './tracing';
import { loadLoggingConfig } from '../../common/logging/config';
import { createLogger, exitOnStartFailure, type Logger } from '../../common/logging/logger';
import { createServiceMetrics } from '../../common/metrics/service-metrics';
import { serveUntilSignalled } from '../../common/serve';
import { closeStore } from '../../common/store/open-store';
import { createIndexQueryRepository } from '../../resolution/query-repository';
import { openIndexStore } from '../../resolution/store';
import { loadDtsenServiceConfig } from './config';
import { buildDtsenServiceApp } from './server';

let logger: Logger | undefined;

async function main(): Promise<void> {
  const logging = loadLoggingConfig();
  const dtsenLogger = createLogger(logging, 'dtsen');
  logger = dtsenLogger;
  const config = loadDtsenServiceConfig();
  const metrics = createServiceMetrics();
  const indexStore = await openIndexStore(config.indexUrl, { onQuery: metrics.sqlStatementCounter('index'), logger: dtsenLogger, slowQueryMs: logging.slowQueryMs });
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

main().catch((error: unknown) => exitOnStartFailure(logger, 'dtsen subgraph', error));
