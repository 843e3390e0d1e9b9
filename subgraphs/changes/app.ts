import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DataSource } from 'typeorm';
import { schemaDisclosure } from '../../common/auth/schema-disclosure';
import { derivedSigningKey, signingKeysOf } from '../../common/auth/subgraph-keys';
import { createCursorCodec } from '../../common/cursor';
import { auditPlugin } from '../../common/subgraph/audit-plugin';
import { createAuditRecorder } from '../../common/subgraph/audit-recorder';
import { createSubgraphApp, type SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import type { OwnStoreAppDependencies } from '../../common/subgraph/descriptor';
import { loadSdl } from '../../common/subgraph/load-sdl';
import type { SubgraphResolverMap } from '../../common/subgraph/register-app';
import { createHttpRegisterDirectory } from '../../subgraph-calls/register-directory-http';
import { signingFetch } from '../../subgraph-calls/signing-fetch';
import { fetcherWithTimeout, subgraphAgent } from '../../subgraph-calls/subgraph-fetch';
import type { ChangesConfig } from './config';
import type { ChangesContext } from './context';
import { createChangeLoaders } from './loaders';
import { createChangeRepository } from './repository';
import { changesResolvers } from './resolvers';
import { createChangeService } from './service';

/**
 * The changes subgraph's app over its opened store: requests signed by the gateway only, fresh
 * loaders per request, the reads of each request audited before its response leaves, and its calls
 * to the registers signed with each register's key.
 */
export async function buildChangesApp(dataSource: DataSource, config: ChangesConfig, dependencies: OwnStoreAppDependencies): Promise<SubgraphApp> {
  const repository = createChangeRepository(dataSource);
  const now = dependencies.now ?? (() => new Date());
  const service = createChangeService({ repository, cutoffDay: config.cutoffDay, now });
  // loadChangesConfig requires the principal secret whenever a register's own key is missing.
  const keys = signingKeysOf(config.principalSecret as string, config.registerKeys);
  const agent = subgraphAgent();
  const timed = fetcherWithTimeout(config.registerTimeoutMs, agent);
  const registers = createHttpRegisterDirectory(config.registerUrls, (register) => signingFetch(keys(register), timed));
  const cursors = createCursorCodec(dependencies.signingSecret);
  const app = await createSubgraphApp<ChangesContext>({
    schema: schemaDisclosure(buildSubgraphSchema([{ typeDefs: loadSdl('changes'), resolvers: changesResolvers(service) as SubgraphResolverMap }])).enforced((context: ChangesContext) => context.principal),
    signingSecret: dependencies.signingKey ?? derivedSigningKey(dependencies.signingSecret, 'changes'),
    context: (_req, principal, { requestId, logger }) => ({
      principal,
      repository,
      loaders: createChangeLoaders(repository, registers, principal, requestId),
      // One clock for the trail: reads are stamped like the writes beside them.
      audit: createAuditRecorder(principal, (entries) => repository.appendAudit(entries), requestId, now),
      cursors,
      requestId,
      logger,
    }),
    ready: () => repository.ping(),
    plugins: [auditPlugin()],
    ...(dependencies.metrics ? { metrics: dependencies.metrics } : {}),
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
  });
  return {
    app: app.app,
    stop: async () => {
      await app.stop();
      await agent.close();
    },
  };
}
