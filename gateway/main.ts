import './process-memory';
import './tracing';
import cluster from 'node:cluster';
import { serveInWorkers } from '../common/cluster';
import { answerClusterMetrics, clusterWide } from '../common/metrics/cluster-metrics';
import { loadLoggingConfig, type LoggingConfig } from '../common/logging/config';
import { createLogger, exitOnStartFailure, type Logger } from '../common/logging/logger';
import { createServiceMetrics } from '../common/metrics/service-metrics';
import { serveUntilSignalled } from '../common/serve';
import { closeStore } from '../common/store/open-store';
import { createIndexQueryRepository } from '../resolution/query-repository';
import { openIndexStore } from '../resolution/store';
import { HEADERS_TIMEOUT_MS, loadGatewayConfig, type GatewayConfig } from './config';
import { closeRedis, firstConnection, openRedis } from './shared-state/redis-client';
import { servedSupergraph } from './supergraph/served-supergraph';
import { supergraphDisclosure } from './supergraph/disclosure';
import { loadWebhookConfig, type WebhookConfig } from './webhooks/config';
import { createWebhookDeliverer } from './webhooks/deliverer';
import { createWebhookMetrics } from './webhooks/webhook-metrics';
import { createWebhookStore } from '../resolution/webhook-store';

async function serveGateway(config: GatewayConfig, webhooks: WebhookConfig, logger: Logger, logging: LoggingConfig): Promise<void> {
  // Opening migrates the index, so households and statistics answer (empty, with a warning) before any run.
  const metrics = cluster.isWorker ? clusterWide(createServiceMetrics()) : createServiceMetrics();
  const indexStore = await openIndexStore(config.indexUrl, {
    replicaUrls: config.indexReplicaUrls,
    onQuery: metrics.sqlStatementCounter('index'),
    logger,
    slowQueryMs: logging.slowQueryMs,
  });
  // Connects while the gateway is built, and is waited for before it listens (firstConnection); a
  // Redis that is down at start leaves the gateway serving from memory, as during an outage.
  const sharedState = config.sharedState ? { redis: openRedis(config.sharedState.redisUrl, logger), keyPrefix: config.sharedState.keyPrefix } : undefined;
  const served = servedSupergraph(config.subgraphs);
  if (served.composedInMs !== null) logger.info(`composed the supergraph of SUBGRAPHS=${config.subgraphs.join(',')} in ${served.composedInMs} ms`);
  for (const { profile, reason } of served.emptiedContracts) logger.warn(`the ${profile} contract holds nothing with SUBGRAPHS=${config.subgraphs.join(',')} (${reason})`);
  // Required here, not imported: a primary that only forks workers never builds a gateway, and
  // loading @apollo/gateway and the rest of the server is most of a process's start-up.
  const { buildGateway } = require('./server') as typeof import('./server');
  const index = createIndexQueryRepository(indexStore);
  const gateway = await buildGateway({
    ...config,
    sharedState,
    supergraphSdl: served.supergraphSdl,
    ...(served.contracts ? { contracts: served.contracts } : {}),
    index,
    metrics,
    logger,
  });
  // Every process polls: the ledger's claims let one of them send each page (docs/partners.md, "Webhooks").
  const deliverer = webhooks.enabled
    ? createWebhookDeliverer({
        store: createWebhookStore(indexStore),
        index,
        config: webhooks,
        disclosure: supergraphDisclosure(served.supergraphSdl),
        metrics: createWebhookMetrics(metrics.registry),
        logger: logger.child({ component: 'webhooks' }),
      })
    : null;
  deliverer?.start();
  if (sharedState) await firstConnection(sharedState.redis);
  await serveUntilSignalled({
    logger,
    name: 'DTSEN gateway',
    app: gateway.app,
    port: config.port,
    // The app answers a slow body itself (408 at bodyTimeoutMs); Node's timeouts bound slow headers, and back the app up.
    receiveTimeouts: { headersMs: HEADERS_TIMEOUT_MS, requestMs: HEADERS_TIMEOUT_MS + config.bodyTimeoutMs },
    release: async () => {
      await deliverer?.stop();
      await gateway.stop();
      if (sharedState) await closeRedis(sharedState.redis);
      await closeStore(indexStore);
    },
  });
}

let logger: Logger | undefined;

async function main(): Promise<void> {
  const logging = loadLoggingConfig();
  const gatewayLogger = createLogger(logging, 'gateway');
  logger = gatewayLogger;
  const config = loadGatewayConfig();
  const webhooks = loadWebhookConfig();
  if (cluster.isPrimary && config.workers > 1) {
    if (!config.sharedState) gatewayLogger.warn(`runs ${config.workers} workers without REDIS_URL: each keeps its own rate limit and persisted queries`);
    // Migrated once, here: workers starting together would race to migrate an embedded (SQLite) index.
    await closeStore(await openIndexStore(config.indexUrl, { logger: gatewayLogger }));
    answerClusterMetrics();
  }
  serveInWorkers(config.workers, () => serveGateway(config, webhooks, gatewayLogger, logging), gatewayLogger, 'gateway');
}

main().catch((error: unknown) => exitOnStartFailure(logger, 'gateway', error));
