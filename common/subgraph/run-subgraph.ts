import type { DataSource } from 'typeorm';
import { loadLoggingConfig } from '../logging/config';
import { createLogger, exitOnStartFailure, type Logger } from '../logging/logger';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/service-metrics';
import { serveUntilSignalled } from '../serve';
import { closeStore, openStore, type StoreOptions } from '../store/open-store';
import type { SubgraphApp } from './create-subgraph-app';
import type { OwnStoreSubgraphDescriptor, StoredSubgraphDescriptor, SubgraphAddress } from './descriptor';
import { loadStoredSubgraphConfig, type StoredSubgraphConfig } from './stored-subgraph-config';
import { buildStoredSubgraphApp, openSubgraphStore } from './stored-subgraph';

/**
 * Serves a stored subgraph as its own process (subgraphs/main.ts): configuration, store, app (its
 * GET /metrics counting every statement the store runs), listen, and a clean exit on
 * SIGINT/SIGTERM. Exits 1 naming the problem when it cannot start.
 */
export function runStoredSubgraph(subgraph: StoredSubgraphDescriptor, env: NodeJS.ProcessEnv = process.env): void {
  runSubgraphProcess(subgraph, env, async ({ config, metrics, logger, storeOptions }) => {
    const { dataSource, repository } = await openSubgraphStore(subgraph, config.storeUrl, storeOptions);
    const served = await buildStoredSubgraphApp(subgraph, { repository, signingSecret: config.signingSecret, signingKey: config.signingKey, metrics, logger });
    return { ...served, dataSource };
  });
}

/**
 * Serves an own-store subgraph as its own process, as runStoredSubgraph does a register: its
 * port, store and signing key read the same way, then its own settings (`registry`: every
 * subgraph's address, for those it calls), its store migrated on open, and its app.
 */
export function runOwnStoreSubgraph(subgraph: OwnStoreSubgraphDescriptor, registry: readonly SubgraphAddress[], env: NodeJS.ProcessEnv = process.env): void {
  runSubgraphProcess(subgraph, env, async ({ config, metrics, logger, storeOptions }) => {
    const ownConfig: unknown = subgraph.loadConfig(registry, env);
    const parts = await subgraph.load();
    const dataSource = await openStore(config.storeUrl, parts.store, storeOptions);
    const served = await parts.buildApp(dataSource, ownConfig, { signingSecret: config.signingSecret, signingKey: config.signingKey, metrics, logger });
    return { ...served, dataSource };
  });
}

interface ProcessSettings {
  readonly config: StoredSubgraphConfig;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
  /** The store's replicas, its statements counted in `metrics`, slow ones logged. */
  readonly storeOptions: StoreOptions;
}

/** The process around a subgraph with a store: logging, configuration, metrics; `open` builds its app over its store. */
function runSubgraphProcess(
  subgraph: SubgraphAddress,
  env: NodeJS.ProcessEnv,
  open: (settings: ProcessSettings) => Promise<SubgraphApp & { readonly dataSource: DataSource }>,
): void {
  let logger: Logger | undefined;
  const start = async () => {
    const logging = loadLoggingConfig(env);
    const processLogger = createLogger(logging, subgraph.name);
    logger = processLogger;
    const config = loadStoredSubgraphConfig(subgraph, env);
    const metrics = createServiceMetrics();
    const storeOptions: StoreOptions = {
      replicaUrls: config.storeReplicaUrls,
      onQuery: metrics.sqlStatementCounter(subgraph.name),
      logger: processLogger,
      slowQueryMs: logging.slowQueryMs,
    };
    const { app, stop, dataSource } = await open({ config, metrics, logger: processLogger, storeOptions });
    await serveUntilSignalled({
      logger: processLogger,
      name: `${subgraph.name} subgraph`,
      app,
      port: config.port,
      release: async () => {
        await stop();
        await closeStore(dataSource);
      },
    });
  };
  start().catch((error: unknown) => exitOnStartFailure(logger, `${subgraph.name} subgraph`, error));
}
