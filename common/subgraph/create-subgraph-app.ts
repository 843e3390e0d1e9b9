import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { maskingFormatError } from '../errors';
import { requestErrorHandler } from '../request-errors';

export interface SubgraphAppOptions {
  /** Names the subgraph in server-side logs. */
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** The per-request context (fresh DataLoaders for every request). */
  readonly context: (req: express.Request) => Promise<object> | object;
  /** Resolves when the subgraph can serve (its store answers); rejects otherwise. */
  readonly ready: () => Promise<void>;
}

export interface SubgraphApp {
  readonly app: express.Express;
  /** Stops the GraphQL server; the caller closes the HTTP server and the store. */
  readonly stop: () => Promise<void>;
}

const JSON_BODY_LIMIT = '1mb';
/** A store that does not answer the readiness probe quickly is as good as down. */
const READY_TIMEOUT_MS = 3_000;

/**
 * An Express app serving one subgraph at /graphql with liveness and readiness probes. It does not
 * listen: main.ts does, and tests listen on port 0.
 */
export async function createSubgraphApp(options: SubgraphAppOptions): Promise<SubgraphApp> {
  const server = new ApolloServer<object>({
    schema: options.schema,
    formatError: maskingFormatError((message, error) => console.error(`[${options.name}] ${message}`, error)),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    // The gateway serves the playground; traces would carry unmasked errors to the gateway.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
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
  app.use(
    '/graphql',
    express.json({ limit: JSON_BODY_LIMIT }),
    expressMiddleware(server, { context: async ({ req }) => options.context(req) }),
  );
  app.use(requestErrorHandler);
  return { app, stop: () => server.stop() };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

