import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { maskError } from '../common/errors';
import type { Register } from '../common/store-url';
import { disableApolloTelemetry } from './config';
import { buildDtsenSchema, createDtsenContext } from './dtsen/schema';
import { loadRuleSet } from './dtsen/rules/rule-set';
import { graphiqlLandingPage } from './playground/graphiql';
import { createHttpRegisterDirectory } from './register-directory-http';
import { SourceDataSource, fetcherWithTimeout } from './source-data-source';

export interface GatewayOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<Register, string>>;
  readonly subgraphTimeoutMs: number;
  readonly ruleSetVersion: string;
  readonly evaluationDate: Date;
  readonly playground: boolean;
  readonly log?: (message: string) => void;
}

export interface GatewayApp {
  readonly app: express.Express;
  readonly stop: () => Promise<void>;
}

function isRegister(name: string): name is Register {
  return name === 'dtks' || name === 'regsosek' || name === 'p3ke';
}

/**
 * The gateway: the committed supergraph, the three register subgraphs over HTTP and the dtsen
 * subgraph in process. Returns an Express app that is not listening yet.
 */
export async function buildGateway(options: GatewayOptions): Promise<GatewayApp> {
  disableApolloTelemetry();
  const log = options.log ?? ((message: string) => console.error(message));
  const fetcher = fetcherWithTimeout(options.subgraphTimeoutMs);
  const dtsenDependencies = {
    ruleSet: loadRuleSet(options.ruleSetVersion),
    evaluationDate: options.evaluationDate,
    directory: createHttpRegisterDirectory(options.subgraphUrls, fetcher),
  };
  const dtsenSchema: GraphQLSchema = buildDtsenSchema(dtsenDependencies);

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      if (name === 'dtsen') return new LocalGraphQLDataSource(dtsenSchema);
      if (!isRegister(name)) throw new Error(`The supergraph names an unknown subgraph "${name}" (${url})`);
      return new SourceDataSource(name, options.subgraphUrls[name], fetcher, log);
    },
  });

  const server = new ApolloServer({
    gateway,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    plugins: [options.playground ? graphiqlLandingPage() : ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, { context: async () => createDtsenContext(dtsenDependencies) }),
  );

  return { app, stop: () => server.stop() };
}
