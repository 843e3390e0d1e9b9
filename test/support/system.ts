import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../common/logging/logger';
import { createServiceMetrics } from '../../common/metrics/service-metrics';
import { closeStore, openStore } from '../../common/store/open-store';
import type { Register } from '../../common/store-url';
import { openSubgraphStore, buildStoredSubgraphApp } from '../../common/subgraph/stored-subgraph';
import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { OWN_STORE_SUBGRAPHS, STORED_SUBGRAPHS, SUBGRAPH_REGISTRY } from '../../subgraphs/registry';
import { API_LIMITS, DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_MAX_QUEUED_REQUESTS, DEFAULT_REQUEST_BODY_TIMEOUT_MS } from '../../gateway/config';
import type { ResilienceSettings } from '../../subgraph-calls/subgraph-policy';
import { buildDtsenServiceApp } from '../../subgraphs/dtsen/server';
import { buildGateway, type GatewayApp } from '../../gateway/server';
import type { SharedState } from '../../gateway/shared-state/redis-client';
import type { PersistedQueryLimits } from '../../gateway/persisted-queries/limits';
import type { TrustedDocumentStore } from '../../gateway/trusted-documents/manifests';
import { trustedDocumentModesFrom } from '../../gateway/trusted-documents/modes';
import { createIndexQueryRepository } from '../../resolution/query-repository';
import { createIndexRepository, type IndexRepository } from '../../resolution/repository';
import { runResolution, type ResolutionOptions, type ResolutionSummary } from '../../resolution/run';
import { openIndexStore } from '../../resolution/store';
import { createTestIndexStore } from '../resolution/index-store';
import { readSupergraphSdl } from '../../gateway/supergraph/subgraphs';
import { servedSupergraph, type ServedSupergraph } from '../../gateway/supergraph/served-supergraph';
import type { BpjsFamilyRecord } from '../../subgraphs/bpjs/records';
import type { DtksFamilyRecord } from '../../subgraphs/dtks/records';
import type { KemendesFamilyRecord } from '../../subgraphs/kemendes/records';
import type { P3keFamilyRecord } from '../../subgraphs/p3ke/records';
import type { RegsosekFamilyRecord } from '../../subgraphs/regsosek/records';
import { TEST_SIGNING_SECRET } from './principals';
import { createTestStores, type StoreKind } from './stores';
import { fullAccessToken, testToken, TEST_TOKEN_SOURCE } from './tokens';

/** The families each register holds at start; any other stored subgraph of the registry starts empty. */
export interface RegisterData {
  readonly dtks: readonly DtksFamilyRecord[];
  readonly regsosek: readonly RegsosekFamilyRecord[];
  readonly p3ke: readonly P3keFamilyRecord[];
  /** Kemendes's BLT Dana Desa receipts; absent: it holds none. */
  readonly kemendes?: readonly KemendesFamilyRecord[];
  /** BPJS Kesehatan's enrolments per No. KK; absent: none. */
  readonly bpjs?: readonly BpjsFamilyRecord[];
}

export interface GraphQLResponse {
  readonly status: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[]; extensions?: Record<string, unknown> };
}

export interface RunningSystem {
  readonly gatewayUrl: string;
  /** The dtsen subgraph service's URL, with `dtsen: 'http'`. */
  readonly dtsenUrl: string | null;
  /** Each stored or own-store subgraph's URL, by name. */
  readonly subgraphUrls: Readonly<Record<Register, string>> & Readonly<Record<string, string>>;
  /** Each stored subgraph's store, by name, for tests that change a register between runs. */
  readonly storeUrls: Readonly<Record<Register, string>> & Readonly<Record<string, string>>;
  /** Every SQL statement each stored subgraph's store ran since the last `resetQueryLog()`. */
  /** Every SQL statement the index store ran since the last `resetQueryLog()`. */
  readonly indexSql: readonly string[];
  /** Every SQL statement each stored subgraph's store ran since the last `resetQueryLog()`. */
  readonly sql: Readonly<Record<Register, string[]>> & Readonly<Record<string, string[]>>;
  /** The gateway's resolution index (a private store of the same kind as the registers'). */
  readonly index: IndexRepository;
  /** The index's store itself, for tests that look into it (its audit trail) or break it. */
  readonly indexSource: DataSource;
  /** Runs a resolution against the gateway into its index. */
  resolve(options?: Omit<ResolutionOptions, 'index' | 'gatewayUrl' | 'gatewayToken'>): Promise<ResolutionSummary>;
  /** A token of the resolution run's role, for tests that run it themselves. */
  readonly indexerToken: string;
  resetQueryLog(): void;
  /** POSTs an operation to the gateway with `token` (default: a full-access token; null: none). */
  query(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse>;
  stopSubgraph(name: string): Promise<void>;
  /** Stops the dtsen subgraph service (with `dtsen: 'http'`). */
  stopDtsen(): Promise<void>;
  /** Starts another gateway instance with the same settings over the same subgraphs and index; returns its GraphQL URL. Stopped with the system. */
  startAnotherGateway(): Promise<string>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  readonly store: StoreKind;
  readonly data: RegisterData;
  readonly evaluationDate: Date;
  /** How old the registers' import states behind the index status may be (default 5 s); 0 asks them on every request. */
  readonly importStatesMaxAgeMs?: number;
  readonly subgraphTimeoutMs?: number;
  /** Retries, breaker and deadline of the gateway (default: the configured defaults, with short backoff). */
  readonly resilience?: Partial<ResilienceSettings>;
  /** With `store: 'mysql'`: the server of the stores (default MYSQL_URL), e.g. a private one a test stops. */
  readonly mysqlServerUrl?: string;
  /** Where the gateway reaches a stored subgraph (default: the subgraph itself), e.g. a fault proxy in front of it. */
  readonly subgraphUrlFor?: (name: string, url: string) => string | Promise<string>;
  /** Schema introspection and field suggestions, as in development (default) or production (false). */
  readonly introspection?: boolean;
  /** CORS_ORIGINS of the gateway (default: none). */
  readonly corsOrigins?: readonly string[];
  /** Resolve every family into the index once the gateway is up (default: the index stays empty). */
  readonly resolve?: boolean;
  /** RATE_LIMIT_PER_MINUTE of the gateway (default: high enough never to matter). */
  readonly rateLimitPerMinute?: number;
  /** LOOKUP_MISSES_PER_HOUR of the gateway (default: high enough never to matter). */
  readonly lookupMissesPerHour?: number;
  /** MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS and MAX_CONCURRENT_PER_PRINCIPAL of the gateway (default: as deployed; the share half the slots). */
  readonly concurrency?: { readonly maxConcurrent: number; readonly maxQueued: number; readonly maxConcurrentPerPrincipal?: number };
  /** REQUEST_BODY_TIMEOUT_MS of the gateway (default: as deployed). */
  readonly bodyTimeoutMs?: number;
  /** Where the dtsen subgraph runs: in the gateway's process (default) or as its own HTTP service (DTSEN_URL). */
  readonly dtsen?: 'in-process' | 'http';
  /** Keys set per subgraph (`<NAME>_SIGNING_SECRET`), held by it, the gateway and the dtsen service; the others derive from TEST_SIGNING_SECRET. */
  readonly subgraphKeys?: Readonly<Record<string, string>>;
  /** Redis the gateways share (APQ, rate limit), as with REDIS_URL (default: none, each in memory). */
  readonly sharedState?: SharedState;
  /** Largest registered persisted query and the budget of all (default: as deployed). */
  readonly persistedQueryLimits?: PersistedQueryLimits;
  /** Each server's logger, by service name as main.ts names it (default: none logs). */
  readonly loggerFor?: (service: string) => Logger;
  /** `SUBGRAPHS`: the subgraphs the gateway federates (default: all, the committed supergraph); every stored subgraph still runs. */
  readonly subgraphs?: readonly string[];
  /** The clock of the subgraphs with a store of their own (changes: when a request is proposed and submitted); default: the system's. */
  readonly now?: () => Date;
  /** Settings of the subgraphs with a store of their own beyond their URLs and keys, as their environment (e.g. `CHANGE_CUTOFF_DAY`). */
  readonly ownStoreEnv?: Readonly<Record<string, string>>;
  /** `TRUSTED_DOCUMENTS` (default off: the tests' own operations are registered nowhere) and the registered operations (default: none). */
  readonly trustedDocuments?: { readonly modes: string; readonly store: TrustedDocumentStore };
}

async function listen(app: { listen: (port: number) => Server }): Promise<{ server: Server; url: string }> {
  const server = app.listen(0);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/graphql` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * The whole system in this process, each server on its own port 0: every stored subgraph of
 * subgraphs/registry.ts over a fresh store holding its part of `data`, and the gateway in front of
 * them (dtsen in its process, or as its own service).
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const stores = createTestStores(options.store, options.mysqlServerUrl);
  const sql: Record<string, string[]> = {};
  const dataSources: DataSource[] = [];
  const apps: Record<string, SubgraphApp> = {};
  const servers: Record<string, Server> = {};
  const subgraphUrls: Record<string, string> = {};
  // Every stored subgraph of the registry, over a fresh store holding its part of `data`.
  for (const subgraph of STORED_SUBGRAPHS) {
    const statements: string[] = [];
    sql[subgraph.name] = statements;
    const metrics = createServiceMetrics();
    const count = metrics.sqlStatementCounter(subgraph.name);
    const onQuery = (statement: string) => {
      statements.push(statement);
      count(statement);
    };
    const { dataSource, repository } = await openSubgraphStore(subgraph, stores.urls[subgraph.name] as string, { onQuery });
    dataSources.push(dataSource);
    await repository.insertFamilies((options.data as unknown as Readonly<Record<string, readonly object[] | undefined>>)[subgraph.name] ?? []);
    apps[subgraph.name] = await buildStoredSubgraphApp(subgraph, { repository, signingSecret: TEST_SIGNING_SECRET, signingKey: options.subgraphKeys?.[subgraph.name], metrics, logger: options.loggerFor?.(subgraph.name) });
    const { server, url } = await listen((apps[subgraph.name] as SubgraphApp).app);
    servers[subgraph.name] = server;
    subgraphUrls[subgraph.name] = url;
  }
  // The subgraphs with a store of their own, started after the registers they may call.
  for (const subgraph of OWN_STORE_SUBGRAPHS) {
    const statements: string[] = [];
    sql[subgraph.name] = statements;
    const metrics = createServiceMetrics();
    const count = metrics.sqlStatementCounter(subgraph.name);
    const parts = await subgraph.load();
    const dataSource = await openStore(stores.urls[subgraph.name] as string, parts.store, {
      onQuery: (statement) => {
        statements.push(statement);
        count(statement);
      },
    });
    dataSources.push(dataSource);
    const env = {
      PRINCIPAL_SIGNING_SECRET: TEST_SIGNING_SECRET,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url])),
      ...Object.fromEntries(Object.entries(options.subgraphKeys ?? {}).map(([name, key]) => [`${name.toUpperCase()}_SIGNING_SECRET`, key])),
      ...options.ownStoreEnv,
    };
    apps[subgraph.name] = await parts.buildApp(dataSource, subgraph.loadConfig(SUBGRAPH_REGISTRY, env), {
      signingSecret: TEST_SIGNING_SECRET,
      signingKey: options.subgraphKeys?.[subgraph.name],
      metrics,
      logger: options.loggerFor?.(subgraph.name),
      now: options.now,
    });
    const { server, url } = await listen((apps[subgraph.name] as SubgraphApp).app);
    servers[subgraph.name] = server;
    subgraphUrls[subgraph.name] = url;
  }
  const stopped = new Set<string>();

  const indexStore = createTestIndexStore(options.store, options.mysqlServerUrl);
  const indexSql: string[] = [];
  const indexSource = await openIndexStore(indexStore.url, { onQuery: (statement) => indexSql.push(statement) });
  dataSources.push(indexSource);
  const index = createIndexRepository(indexSource);

  const gatewaySubgraphUrls: Record<string, string> = {};
  for (const [name, url] of Object.entries(subgraphUrls)) {
    gatewaySubgraphUrls[name] = options.subgraphUrlFor ? await options.subgraphUrlFor(name, url) : url;
  }
  // Generous by default: on a loaded two-core CI machine one register call of a large aliased look-up
  // (the disclosure and adversary tests read dozens of families at once) has outlasted 5 s. The
  // tests of timeouts and faults set their own.
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? 15_000;
  const resilience: ResilienceSettings = {
    requestDeadlineMs: 2 * subgraphTimeoutMs,
    retries: 2,
    retryBaseDelayMs: 10,
    breakerThreshold: 5,
    breakerHalfOpenMs: 10_000,
    ...options.resilience,
  };
  const dtsenService =
    options.dtsen === 'http'
      ? await buildDtsenServiceApp({
          subgraphUrls: gatewaySubgraphUrls,
          subgraphTimeoutMs,
          resilience,
          ruleSetVersion: '2025',
          evaluationDate: options.evaluationDate,
          index: createIndexQueryRepository(indexSource),
          signingSecret: TEST_SIGNING_SECRET,
          ...(options.subgraphKeys && { subgraphKeys: options.subgraphKeys }),
          ready: async () => undefined,
          logger: options.loggerFor?.('dtsen'),
        })
      : null;
  const dtsenServer = dtsenService ? await listen(dtsenService.app) : null;
  const served: Pick<ServedSupergraph, 'supergraphSdl' | 'contracts'> = options.subgraphs ? servedSupergraph(options.subgraphs) : { supergraphSdl: readSupergraphSdl() };
  const buildTestGateway = () => buildGateway({
    supergraphSdl: served.supergraphSdl,
    ...(served.contracts && { contracts: served.contracts }),
    subgraphUrls: gatewaySubgraphUrls,
    subgraphTimeoutMs,
    resilience,
    ...(dtsenServer ? { dtsenUrl: dtsenServer.url } : {}),
    ruleSetVersion: '2025',
    evaluationDate: options.evaluationDate,
    playground: true,
    dashboard: true,
    introspection: options.introspection ?? true,
    corsOrigins: options.corsOrigins ?? [],
    limits: API_LIMITS,
    index: createIndexQueryRepository(indexSource),
    tokenSource: TEST_TOKEN_SOURCE,
    signingSecret: TEST_SIGNING_SECRET,
    ...(options.subgraphKeys && { subgraphKeys: options.subgraphKeys }),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000,
    lookupMissesPerHour: options.lookupMissesPerHour ?? 1_000_000,
    concurrency: {
      maxConcurrent: DEFAULT_MAX_CONCURRENT_REQUESTS,
      maxQueued: DEFAULT_MAX_QUEUED_REQUESTS,
      ...options.concurrency,
      maxConcurrentPerPrincipal: options.concurrency?.maxConcurrentPerPrincipal ?? Math.ceil((options.concurrency?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT_REQUESTS) / 2),
      maxWaitMs: resilience.requestDeadlineMs,
    },
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_REQUEST_BODY_TIMEOUT_MS,
    ...(options.sharedState && { sharedState: options.sharedState }),
    ...(options.importStatesMaxAgeMs !== undefined && { importStatesMaxAgeMs: options.importStatesMaxAgeMs }),
    ...(options.persistedQueryLimits && { persistedQueryLimits: options.persistedQueryLimits }),
    logger: options.loggerFor?.('gateway'),
    trustedDocuments: trustedDocumentModesFrom(options.trustedDocuments?.modes ?? 'off'),
    trustedDocumentStore: options.trustedDocuments?.store ?? { find: () => undefined },
  });
  const gateway = await buildTestGateway();
  const gatewayServer = await listen(gateway.app);
  const moreGateways: { gateway: GatewayApp; server: Server }[] = [];
  const startAnotherGateway = async () => {
    const another = await buildTestGateway();
    const { server, url } = await listen(another.app);
    moreGateways.push({ gateway: another, server });
    return url;
  };
  const indexerToken = await testToken('indexer');
  const defaultToken = await fullAccessToken();
  const resolve = (resolution: Omit<ResolutionOptions, 'index' | 'gatewayUrl' | 'gatewayToken'> = {}) =>
    runResolution({ ...resolution, index, gatewayUrl: gatewayServer.url, gatewayToken: indexerToken });
  if (options.resolve) await resolve();

  const stopSubgraph = async (name: string) => {
    if (stopped.has(name)) return;
    stopped.add(name);
    const server = servers[name];
    if (server) await close(server);
    await apps[name]?.stop();
  };

  let dtsenStopped = false;
  const stopDtsen = async () => {
    if (dtsenStopped) return;
    dtsenStopped = true;
    if (dtsenServer) await close(dtsenServer.server);
    await dtsenService?.stop();
  };

  return {
    gatewayUrl: gatewayServer.url,
    dtsenUrl: dtsenServer?.url ?? null,
    subgraphUrls: subgraphUrls as RunningSystem['subgraphUrls'],
    storeUrls: stores.urls,
    sql: sql as RunningSystem['sql'],
    index,
    indexSource,
    resolve,
    indexerToken,
    indexSql,
    resetQueryLog: () => [...Object.values(sql), indexSql].forEach((statements) => statements.splice(0)),
    async query(query, variables, token = defaultToken) {
      const response = await fetch(gatewayServer.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
    },
    stopSubgraph,
    stopDtsen,
    startAnotherGateway,
    async stop() {
      await close(gatewayServer.server);
      await gateway.stop();
      for (const another of moreGateways) {
        await close(another.server);
        await another.gateway.stop();
      }
      await stopDtsen();
      for (const name of Object.keys(servers)) await stopSubgraph(name);
      for (const ds of dataSources) await closeStore(ds);
      await stores.remove();
      await indexStore.remove();
    },
  };
}
