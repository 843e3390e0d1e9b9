import type { DataSource } from 'typeorm';
import { loadLoggingConfig } from '../logging/config';
import { createLogger, exitOnStartFailure, type Logger } from '../logging/logger';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/service-metrics';
import { serveUntilSignalled } from '../serve';
import { closeStore, type StoreOptions } from '../store/open-store';
import type { Register } from '../store-url';
import type { SubgraphApp } from './create-subgraph-app';
import type { RegisterSubgraphConfig } from './register-config';

export interface SubgraphMain<Repository> {
  readonly register: Register;
  readonly loadConfig: () => RegisterSubgraphConfig;
  readonly openStore: (url: string, options: StoreOptions) => Promise<DataSource>;
  readonly createRepository: (dataSource: DataSource) => Repository;
  readonly buildApp: (dependencies: { repository: Repository; signingSecret: string; metrics: ServiceMetrics; logger: Logger }) => Promise<SubgraphApp>;
}

/**
 * The body of every source subgraph's main.ts: configuration, store, app (its GET /metrics counting
 * every statement the store runs), listen, and a clean exit on SIGINT/SIGTERM. Exits 1 naming the
 * problem when it cannot start.
 */
export function runSubgraph<Repository>(main: SubgraphMain<Repository>): void {
  let logger: Logger | undefined;
  const start = async () => {
    const logging = loadLoggingConfig();
    logger = createLogger(logging, main.register);
    await serve(main, logger, logging.slowQueryMs);
  };
  start().catch((error: unknown) => exitOnStartFailure(logger, `${main.register} subgraph`, error));
}

async function serve<Repository>(main: SubgraphMain<Repository>, logger: Logger, slowQueryMs: number): Promise<void> {
  const config = main.loadConfig();
  const metrics = createServiceMetrics();
  const store = await main.openStore(config.storeUrl, {
    replicaUrls: config.storeReplicaUrls,
    onQuery: metrics.sqlStatementCounter(main.register),
    logger,
    slowQueryMs,
  });
  const { app, stop } = await main.buildApp({ repository: main.createRepository(store), signingSecret: config.signingSecret, metrics, logger });
  await serveUntilSignalled({
    logger,
    name: `${main.register} subgraph`,
    app,
    port: config.port,
    release: async () => {
      await stop();
      await closeStore(store);
    },
  });
}
