import { loadLoggingConfig } from '../logging/config';
import { createLogger, exitOnStartFailure, type Logger } from '../logging/logger';
import { createServiceMetrics } from '../metrics/service-metrics';
import { serveUntilSignalled } from '../serve';
import { closeStore, openStore } from '../store/open-store';
import type { OwnStoreSubgraphDescriptor, StoredSubgraphDescriptor, SubgraphAddress } from './descriptor';
import { loadStoredSubgraphConfig } from './stored-subgraph-config';
import { buildStoredSubgraphApp, openSubgraphStore } from './stored-subgraph';

/**
 * Serves a stored subgraph as its own process (subgraphs/main.ts): configuration, store, app (its
 * GET /metrics counting every statement the store runs), listen, and a clean exit on
 * SIGINT/SIGTERM. Exits 1 naming the problem when it cannot start.
 */
export function runStoredSubgraph(subgraph: StoredSubgraphDescriptor, env: NodeJS.ProcessEnv = process.env): void {
  let logger: Logger | undefined;
  const start = async () => {
    const logging = loadLoggingConfig(env);
    logger = createLogger(logging, subgraph.name);
    await serve(subgraph, env, logger, logging.slowQueryMs);
  };
  start().catch((error: unknown) => exitOnStartFailure(logger, `${subgraph.name} subgraph`, error));
}

async function serve(subgraph: StoredSubgraphDescriptor, env: NodeJS.ProcessEnv, logger: Logger, slowQueryMs: number): Promise<void> {
  const config = loadStoredSubgraphConfig(subgraph, env);
  const metrics = createServiceMetrics();
  const { dataSource, repository } = await openSubgraphStore(subgraph, config.storeUrl, {
    replicaUrls: config.storeReplicaUrls,
    onQuery: metrics.sqlStatementCounter(subgraph.name),
    logger,
    slowQueryMs,
  });
  const { app, stop } = await buildStoredSubgraphApp(subgraph, { repository, signingSecret: config.signingSecret, signingKey: config.signingKey, metrics, logger });
  await serveUntilSignalled({
    logger,
    name: `${subgraph.name} subgraph`,
    app,
    port: config.port,
    release: async () => {
      await stop();
      await closeStore(dataSource);
    },
  });
}

/**
 * Serves an own-store subgraph as its own process, as runStoredSubgraph does a register: its
 * port, store and signing key read the same way, then its own settings (`registry`: every
 * subgraph's address, for those it calls), its store migrated on open, and its app.
 */
export function runOwnStoreSubgraph(subgraph: OwnStoreSubgraphDescriptor, registry: readonly SubgraphAddress[], env: NodeJS.ProcessEnv = process.env): void {
  let logger: Logger | undefined;
  const start = async () => {
    const logging = loadLoggingConfig(env);
    logger = createLogger(logging, subgraph.name);
    const config = loadStoredSubgraphConfig(subgraph, env);
    const ownConfig: unknown = subgraph.loadConfig(registry, env);
    const parts = await subgraph.load();
    const metrics = createServiceMetrics();
    const dataSource = await openStore(config.storeUrl, parts.store, {
      replicaUrls: config.storeReplicaUrls,
      onQuery: metrics.sqlStatementCounter(subgraph.name),
      logger,
      slowQueryMs: logging.slowQueryMs,
    });
    const { app, stop } = await parts.buildApp(dataSource, ownConfig, { signingSecret: config.signingSecret, signingKey: config.signingKey, metrics, logger });
    await serveUntilSignalled({
      logger,
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
