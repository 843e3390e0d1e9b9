import { buildSubgraphSchema } from '@apollo/subgraph';
import { schemaDisclosure } from '../auth/schema-disclosure';
import { derivedSigningKey } from '../auth/subgraph-keys';
import { createCursorCodec } from '../cursor';
import type { FamilyLoaders } from '../loaders';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { FamilyRepository } from '../store/family-repository';
import { auditPlugin } from './audit-plugin';
import { createAuditRecorder } from './audit-recorder';
import { createSubgraphApp, type SubgraphApp } from './create-subgraph-app';
import { loadSdl } from './load-sdl';
import type { RegisterContext } from './register-resolvers';

/** A module of buildSubgraphSchema's list form; @apollo/subgraph exports no name for its resolver map. */
type SchemaModule = Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { readonly typeDefs: unknown }>;

/** A subgraph's resolver map as buildSubgraphSchema takes it; each subgraph types its own by the resolver types generated from its SDL. */
export type SubgraphResolverMap = NonNullable<SchemaModule['resolvers']>;

export interface RegisterAppParts<Family, Member, Filter> {
  /** The subgraph's name: its SDL is subgraphs/<name>/schema.graphql. */
  readonly name: string;
  /** The register's resolver map, typed by the resolver types generated from its SDL. */
  readonly resolvers: SubgraphResolverMap;
  readonly repository: FamilyRepository<Family, Member, Filter>;
  readonly createLoaders: (repository: FamilyRepository<Family, Member, Filter>) => FamilyLoaders<Family, Member>;
  /** PRINCIPAL_SIGNING_SECRET (or, for a subgraph given only its own key, that key): seals the cursors, and derives `signingKey` when that is not given. */
  readonly signingSecret: string;
  /** The key the gateway signs calls to this subgraph with (`<NAME>_SIGNING_SECRET`); default: derived from `signingSecret`. */
  readonly signingKey?: string | undefined;
  /** Served at GET /metrics, counting the statements of the repository's store when its opener was given `sqlStatementCounter`. */
  readonly metrics?: ServiceMetrics;
  /** The process's logger, bound to the subgraph's name; default: silent. */
  readonly logger?: Logger;
}

/**
 * A stored subgraph's app: its SDL and resolvers over one repository; every request carries the
 * gateway's signed principal, fresh loaders, and an audit recorder written before the response.
 */
export function buildRegisterApp<Family, Member, Filter>(parts: RegisterAppParts<Family, Member, Filter>): Promise<SubgraphApp> {
  const { name, resolvers, repository, createLoaders, signingSecret, signingKey, metrics, logger } = parts;
  const cursors = createCursorCodec(signingSecret);
  return createSubgraphApp<RegisterContext<Family, Member, Filter>>({
    schema: schemaDisclosure(buildSubgraphSchema([{ typeDefs: loadSdl(name), resolvers }])).enforced(
      (context: RegisterContext<Family, Member, Filter>) => context.principal,
    ),
    signingSecret: signingKey ?? derivedSigningKey(signingSecret, name),
    context: (_req, principal, { requestId, logger: requestLogger }) => ({
      principal,
      repository,
      loaders: createLoaders(repository),
      audit: createAuditRecorder(principal, (entries) => repository.appendAudit(entries), requestId),
      cursors,
      requestId,
      logger: requestLogger,
    }),
    ready: () => repository.ping(),
    plugins: [auditPlugin()],
    metrics,
    logger,
  });
}
