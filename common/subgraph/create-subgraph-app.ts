import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '../auth/principal';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER, SignatureError, verifySignedRequest } from '../auth/signature';
import { ErrorCode, errorResponseBody, maskError } from '../errors';
import { errorLogging } from '../logging/error-logging';
import { httpLogging, requestLoggingOf, type RequestLogging } from '../logging/http-logging';
import { silentLogger, type Logger } from '../logging/logger';
import { metricsEndpoint } from '../metrics/metrics-endpoint';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/service-metrics';
import { requestErrorHandler } from '../request-errors';

export interface SubgraphAppOptions<Context extends RequestLogging> {
  readonly schema: GraphQLSchema;
  /** The key the gateway signs the principal and body of calls to this subgraph with (signature.ts, subgraph-keys.ts). */
  readonly signingSecret: string;
  /** The per-request context (fresh DataLoaders for every request) of a verified principal, carrying the request's id and logger. */
  readonly context: (req: express.Request, principal: Principal, request: RequestLogging) => Promise<Context> | Context;
  /** Resolves when the subgraph can serve (its store answers); rejects otherwise. */
  readonly ready: () => Promise<void>;
  readonly plugins?: readonly ApolloServerPlugin<Context>[];
  /** Served at GET /metrics; the caller wires its store's statements into it. Default: a fresh set counting no store. */
  readonly metrics?: ServiceMetrics;
  /** The process's logger (main.ts binds the service); each request logs on a child bound to its id. Default: silent. */
  readonly logger?: Logger;
}

export interface SubgraphApp {
  readonly app: express.Express;
  /** Stops the GraphQL server; the caller closes the HTTP server and the store. */
  readonly stop: () => Promise<void>;
}

const JSON_BODY_LIMIT = '1mb';
/** A store that does not answer the readiness probe quickly is as good as down. */
const READY_TIMEOUT_MS = 3_000;

/** The exact bytes of a JSON body, kept by express.json: the signature covers them, not the parsed value. */
const RAW_BODY = Symbol('rawBody');
type WithRawBody = express.Request & { [RAW_BODY]?: Buffer };

/**
 * An Express app serving one subgraph at /graphql with liveness and readiness probes. It does not
 * listen: main.ts does, and tests listen on port 0.
 *
 * /graphql answers only requests the gateway signed (signature.ts), and only POSTs: a GET carries
 * its operation in the URL, outside the signed body, so a captured signature could carry another
 * operation. The probes stay open: they reveal nothing but whether the store answers. So does
 * GET /metrics, outside /graphql: counts and timings for Prometheus, no personal data.
 */
export async function createSubgraphApp<Context extends RequestLogging>(options: SubgraphAppOptions<Context>): Promise<SubgraphApp> {
  const metrics = options.metrics ?? createServiceMetrics();
  const logger = options.logger ?? silentLogger();
  const server = new ApolloServer<Context>({
    schema: options.schema,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    // The gateway serves the playground; traces would carry unmasked errors to the gateway. No
    // subgraph declares a cache hint, so the cache-control plugin only ever said `no-store`, at the
    // price of a wrapper around every field's resolver (issue 18): the header is set directly.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      metrics.graphqlPlugin,
      errorLogging(logger),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  // Answers are POSTs the gateway never revalidates: hashing every body for an ETag was wasted.
  app.set('etag', false);
  // The gateway's x-request-id is taken up here, so the subgraph logs and audits under it.
  app.use(httpLogging(logger));
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await withTimeout(options.ready(), READY_TIMEOUT_MS);
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.get('/metrics', metricsEndpoint(metrics.registry));
  app.use(
    '/graphql',
    onlyPost,
    express.json({
      limit: JSON_BODY_LIMIT,
      verify: (req, _res, body) => {
        (req as WithRawBody)[RAW_BODY] = body;
      },
    }),
    verifiedPrincipal(options.signingSecret),
    expressMiddleware(server, {
      context: async ({ req, res }) => options.context(req, res.locals['principal'] as Principal, requestLoggingOf(req)),
    }),
  );
  app.use(requestErrorHandler);
  return { app, stop: () => server.stop() };
}

/** Every GraphQL answer is uncacheable, as the cache-control plugin said of answers without hints. */
const noStore: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

function onlyPost(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (req.method === 'POST') {
    next();
    return;
  }
  res
    .status(405)
    .set('allow', 'POST')
    .json(errorResponseBody('Only POST is served', ErrorCode.BAD_REQUEST));
}

/** Puts the signed principal in `res.locals.principal`, or answers 401 saying why (never with header values). */
function verifiedPrincipal(secret: string) {
  return (req: express.Request, res: express.Response, next: express.NextFunction): void => {
    try {
      res.locals['principal'] = verifySignedRequest(
        secret,
        { principal: req.get(PRINCIPAL_HEADER), signature: req.get(SIGNATURE_HEADER) },
        (req as WithRawBody)[RAW_BODY] ?? Buffer.alloc(0),
      );
    } catch (error) {
      if (!(error instanceof SignatureError)) throw error;
      res.status(401).json(errorResponseBody(`Request refused: ${error.message}`, ErrorCode.UNAUTHENTICATED));
      return;
    }
    next();
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
