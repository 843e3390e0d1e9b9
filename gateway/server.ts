import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Dispatcher } from 'undici';
import { signingKeysOf } from '../common/auth/subgraph-keys';
import { maskError } from '../common/errors';
import { errorLogging } from '../common/logging/error-logging';
import { httpLogging, requestLoggingOf } from '../common/logging/http-logging';
import { silentLogger, type Logger } from '../common/logging/logger';
import { metricsEndpoint } from '../common/metrics/metrics-endpoint';
import { createServiceMetrics, type ServiceMetrics } from '../common/metrics/service-metrics';
import type { IndexQueryRepository } from '../resolution/query-repository';
import { disableApolloTelemetry, type GatewayConfig } from './config';
import { dashboardRouter } from './dashboard/dashboard';
import { dtsenForGateway } from '../subgraphs/dtsen/in-process';
import { eligibilityChangesCsvHandler } from './export/eligibility-changes-csv';
import { householdsCsvHandler } from './export/households-csv';
import { graphiqlLandingPage } from './playground/graphiql';
import { armorProtection } from './security/armor';
import { corsAllowList } from './security/cors';
import { jsonBody } from './security/json-body';
import { requestErrorHandler } from '../common/request-errors';
import { principalKey } from '../common/auth/principal';
import { createAdmission } from './auth/authenticate';
import { principalOf, requireToken } from './auth/http-auth';
import { requestOperationName } from './auth/operation-name';
import { createTokenVerifier } from './auth/verifier';
import type { GatewayContext } from './context';
import { keyMaskingPlugin } from './security/key-masking';
import { supergraphDisclosure } from './supergraph/disclosure';
import { supergraphSubgraphs } from './supergraph/served-supergraph';
import { lookupMissBudget } from './security/lookup-misses';
import { contractValidationPlugin } from './security/contract-validation';
import { callerContracts } from './security/caller-contract';
import type { Profile } from '../common/auth/contract-profiles';
import { contractSchemaHandler } from './security/contract-schema';
import { rateLimitPerPrincipal } from './security/rate-limit';
import { createDtsenPolicy, createSubgraphPolicies } from '../subgraph-calls/subgraph-policy';
import { createSubgraphMetrics } from '../subgraph-calls/subgraph-metrics';
import { createRefusalMetrics } from './security/refusal-metrics';
import { concurrencyLimit } from './resilience/concurrency-limit';
import { createRegisterAccess } from '../subgraph-calls/register-access';
import { SourceDataSource } from '../subgraph-calls/source-data-source';
import type { SharedState } from './shared-state/redis-client';
import { PERSISTED_QUERY_LIMITS, type PersistedQueryLimits } from './persisted-queries/limits';
import { createPersistedQueries } from './persisted-queries/persisted-queries';
import { fieldUsagePlugin } from './observability/field-usage';
import { trustedDocuments } from './security/trusted-documents';
import { loadTrustedDocuments, type TrustedDocumentStore } from './trusted-documents/manifests';

/** The gateway's settings (less what only main.ts uses) and its injected dependencies. */
export interface GatewayOptions extends Omit<GatewayConfig, 'port' | 'workers' | 'indexUrl' | 'indexReplicaUrls' | 'sharedState' | 'subgraphs'> {
  readonly supergraphSdl: string;
  /** The contracts of that supergraph, by profile (gateway/supergraph/served-supergraph.ts). Default: the committed ones, schema/contracts. */
  readonly contracts?: Readonly<Record<Profile, string>>;
  /** Redis shared with the other gateway instances (APQ cache, rate limit); the caller opens and closes it. Absent: in process memory. */
  readonly sharedState?: SharedState;
  /** How old the registers' import states behind the index status may be (subgraphs/dtsen/register-imports.ts); default 5 s. */
  readonly importStatesMaxAgeMs?: number;
  /** The resolution index, read by `households`, `statistics` and the CSV export; the caller opens and closes it. */
  readonly index: IndexQueryRepository;
  /** Served at GET /metrics; the caller wires the index store's statements into it. Default: a fresh set counting no store. */
  readonly metrics?: ServiceMetrics;
  /** The HTTP client of the subgraph calls (the bench records them through one); the caller closes it. Default: a keep-alive pool. */
  readonly subgraphDispatcher?: Dispatcher;
  /** Largest registered persisted query and the bytes all may take (default PERSISTED_QUERY_LIMITS; tests use smaller ones). */
  readonly persistedQueryLimits?: PersistedQueryLimits;
  /** The process's logger (main.ts binds the service); each request logs on a child bound to its id. Default: silent. */
  readonly logger?: Logger;
  /** The operations organisations registered. Default: the manifests under operations/, read now. */
  readonly trustedDocumentStore?: TrustedDocumentStore;
}

export interface GatewayApp {
  readonly app: express.Express;
  readonly stop: () => Promise<void>;
}

const JSON_BODY_LIMIT = '1mb';

/** The media types Apollo Server chooses from, in its order (MEDIA_TYPES, not exported). */
const APOLLO_MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'multipart/mixed; deferSpec=20220824',
  'multipart/mixed; incrementalSpec=v0.2',
  'multipart/mixed',
  'text/html',
];

/**
 * A browser opening /graphql: Apollo answers a GET preferring HTML with the landing page and runs
 * no operation (ApolloServer.prefersHTML, with the same negotiator). Should the two ever disagree,
 * the request reaches the context without a principal and fails there, unexecuted.
 */
function asksForLandingPage(req: express.Request): boolean {
  return req.method === 'GET' && req.accepts(APOLLO_MEDIA_TYPES) === 'text/html';
}

/**
 * The gateway: the supergraph it is given (the committed one, or one composed of the subgraphs
 * `SUBGRAPHS` lists), every subgraph in it but dtsen over HTTP and the dtsen subgraph in process,
 * or over HTTP when `dtsenUrl` is set. Returns an Express app that is not listening yet.
 */
export async function buildGateway(options: GatewayOptions): Promise<GatewayApp> {
  disableApolloTelemetry();
  const logger = options.logger ?? silentLogger();
  const metrics = options.metrics ?? createServiceMetrics();
  const subgraphMetrics = createSubgraphMetrics(metrics.registry);
  // Every subgraph but dtsen is called over HTTP: the registry's (gateway/config.ts reads their URLs).
  const policies = createSubgraphPolicies(Object.keys(options.subgraphUrls), options.resilience, logger, subgraphMetrics);
  const signingKeys = signingKeysOf(options.signingSecret, options.subgraphKeys);
  const registers = createRegisterAccess({ ...options, signingKeys, policies, ...(options.subgraphDispatcher ? { dispatcher: options.subgraphDispatcher } : {}) });
  const admit = createAdmission(createTokenVerifier(options.tokenSource), rateLimitPerPrincipal(options.rateLimitPerMinute, options.sharedState));
  const persistedQueries = createPersistedQueries(options.persistedQueryLimits ?? PERSISTED_QUERY_LIMITS, options.sharedState, logger);
  const trusted = trustedDocuments(options.trustedDocumentStore ?? loadTrustedDocuments(), options.trustedDocuments);
  const dtsen = dtsenForGateway({
    ruleSetVersion: options.ruleSetVersion,
    evaluationDate: options.evaluationDate,
    registers,
    signingSecret: options.signingSecret,
    ...(options.importStatesMaxAgeMs !== undefined && { importStatesMaxAgeMs: options.importStatesMaxAgeMs }),
    index: options.index,
  });

  const disclosure = supergraphDisclosure(options.supergraphSdl);
  const contracts = callerContracts(options.contracts);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // Each fetch keeps the document the planner built, cached with the plan: the data sources read it instead of parsing the fetch's text per call.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    // Its spans (gateway.request, plan, fetch…) then carry the operation name and type only: a document can hold literal NIKs, and errors quote them.
    telemetry: { includeDocument: false, recordExceptions: false },
    buildService: ({ name, url }) => {
      if (name === 'dtsen' && options.dtsenUrl) return dtsen.service(options.dtsenUrl, registers.fetcherTimingOutAfter('dtsen', options.resilience.requestDeadlineMs), createDtsenPolicy(options.resilience, logger, subgraphMetrics), logger);
      if (name === 'dtsen') return dtsen.inProcess;
      const subgraphUrl = options.subgraphUrls[name];
      const policy = policies[name];
      if (subgraphUrl === undefined || policy === undefined) throw new Error(`The supergraph names an unknown subgraph "${name}" (${url})`);
      return new SourceDataSource(name, subgraphUrl, registers.fetcherOf(name), policy, logger);
    },
  });

  const armor = armorProtection({ limits: options.limits, fieldSuggestions: options.introspection });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    allowBatchedHttpRequests: false,
    // Apollo prefixes the keys with `apq:` itself; the cache keeps its own TTL.
    persistedQueries: { cache: persistedQueries.cache },
    csrfPrevention: true,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      options.playground ? graphiqlLandingPage() : ApolloServerPluginLandingPageDisabled(),
      dtsen.indexWarning,
      trusted.plugin,
      contractValidationPlugin(contracts),
      keyMaskingPlugin(disclosure),
      lookupMissBudget(options.lookupMissesPerHour, options.sharedState),
      metrics.graphqlPlugin,
      fieldUsagePlugin(metrics.registry),
      errorLogging(logger),
      ...armor.plugins,
    ],
  });
  // Ready once the supergraph is loaded and the server started, until it is stopped.
  let ready = false;
  await server.start();
  ready = true;

  const app = express();
  app.disable('x-powered-by');
  // First, so that every answer (a refusal, a 408, a 503) carries the request id and is logged.
  app.use(httpLogging(logger));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', (_req, res) => {
    if (ready) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  });
  // For Prometheus inside the cluster; the ingress in front of the gateway does not route it (docs/security.md).
  app.get('/metrics', metricsEndpoint(metrics.exposition));
  // Bodies are read and tokens verified before a request may take or wait for a slot, so that
  // neither a slow client nor an anonymous one holds the gateway; the export takes one like a query.
  const refusals = createRefusalMetrics(metrics.registry);
  const admission = refusals.counted(concurrencyLimit(options.concurrency, metrics.registry, (req) => principalKey(principalOf(req))), 'overloaded');
  const cors = corsAllowList(options.corsOrigins);
  // The export and the dashboard serve dtsen's resolved answers: a deployment without dtsen has neither.
  const federatesDtsen = supergraphSubgraphs(options.supergraphSdl).includes('dtsen');
  if (federatesDtsen) {
    app.use('/export/households.csv', cors);
    app.get(
      '/export/households.csv',
      refusals.counted(requireToken(admit), 'unauthenticated', 'rate_limited'),
      admission,
      refusals.counted(
        householdsCsvHandler({
          principalOf,
          index: options.index,
          expected: dtsen.expected,
          disclosure,
        }),
        'forbidden',
      ),
    );
    app.use('/export/eligibility-changes.csv', cors);
    app.get(
      '/export/eligibility-changes.csv',
      refusals.counted(requireToken(admit), 'unauthenticated', 'rate_limited'),
      admission,
      refusals.counted(eligibilityChangesCsvHandler({ principalOf, index: options.index, disclosure }), 'forbidden'),
    );
  }
  app.use('/schema', cors);
  app.get('/schema', refusals.counted(requireToken(admit), 'unauthenticated', 'rate_limited'), contractSchemaHandler(principalOf, contracts));
  const graphql = expressMiddleware(server, {
    context: async ({ req }): Promise<GatewayContext> => {
      const deadline = Date.now() + options.resilience.requestDeadlineMs;
      const principal = principalOf(req);
      const { requestId, logger: requestLogger } = requestLoggingOf(req);
      return { ...dtsen.contextFor(principal, deadline, requestId), principal, requestId, logger: requestLogger };
    },
  });
  app.use(
    '/graphql',
    cors,
    refusals.counted(jsonBody({ limit: JSON_BODY_LIMIT, timeoutMs: options.bodyTimeoutMs }), 'body_timeout', 'body_too_large', 'malformed_body'),
    // The playground's page is static: it needs no token, and Apollo executes nothing for it.
    (req, res, next) => (options.playground && asksForLandingPage(req) ? graphql(req, res, next) : next()),
    refusals.counted(
      requireToken(admit, { operationOf: requestOperationName, pointsOf: (req) => persistedQueries.inspect(req).points }),
      'unauthenticated',
      'rate_limited',
    ),
    refusals.counted(persistedQueries.refuseInvalid, 'persisted_query_invalid'),
    refusals.counted(trusted.checkRequest, 'forbidden'),
    admission,
    // Apollo refuses an operation outside the caller's contract (403) and a principal out of look-up misses (429) itself.
    refusals.counted(graphql, 'forbidden', 'lookup_misses'),
  );
  if (options.dashboard && federatesDtsen) app.use(dashboardRouter());
  app.use(requestErrorHandler);

  return {
    app,
    stop: async () => {
      ready = false;
      await server.stop();
      await registers.close();
    },
  };
}
