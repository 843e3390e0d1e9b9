import type { DataSource } from 'typeorm';
import { createFamilyLoaders } from '../loaders';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { createFamilyRepository, type FamilyRepository } from '../store/family-repository';
import { openStore, type StoreOptions } from '../store/open-store';
import type { SubgraphApp } from './create-subgraph-app';
import type { StoredSubgraphDescriptor, StoredSubgraphParts } from './descriptor';
import { buildRegisterApp } from './register-app';

export type AnyFamilyRepository = FamilyRepository<any, any, any>;

export interface OpenedSubgraphStore {
  readonly parts: StoredSubgraphParts;
  readonly dataSource: DataSource;
  readonly repository: AnyFamilyRepository;
}

/** Opens a stored subgraph's store (its migrations run on open) with the repository over it. */
export async function openSubgraphStore(subgraph: StoredSubgraphDescriptor, url: string, options?: StoreOptions): Promise<OpenedSubgraphStore> {
  const parts = await subgraph.load();
  const dataSource = await openStore(url, parts.store, options);
  return { parts, dataSource, repository: createFamilyRepository(dataSource, parts.layout) };
}

export interface StoredSubgraphAppDependencies {
  readonly repository: AnyFamilyRepository;
  /** PRINCIPAL_SIGNING_SECRET, or the subgraph's own key when it holds only that: seals cursors, derives `signingKey` when absent. */
  readonly signingSecret: string;
  /** The key the gateway signs calls to this subgraph with (`<NAME>_SIGNING_SECRET`); default: derived from `signingSecret`. */
  readonly signingKey?: string | undefined;
  /** Served at GET /metrics (default: a fresh set counting no store). */
  readonly metrics?: ServiceMetrics | undefined;
  /** Where the subgraph logs (default: nowhere). */
  readonly logger?: Logger | undefined;
}

/** A stored subgraph's app over a repository of its store, serving only requests the gateway signed; it does not listen. */
export async function buildStoredSubgraphApp(subgraph: StoredSubgraphDescriptor, dependencies: StoredSubgraphAppDependencies): Promise<SubgraphApp> {
  const { resolvers } = await subgraph.load();
  return buildRegisterApp({
    name: subgraph.name,
    resolvers,
    repository: dependencies.repository,
    createLoaders: createFamilyLoaders,
    signingSecret: dependencies.signingSecret,
    signingKey: dependencies.signingKey,
    ...(dependencies.metrics ? { metrics: dependencies.metrics } : {}),
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
  });
}
