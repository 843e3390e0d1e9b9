import type { DataSource } from 'typeorm';
import type { ImportFormat } from '../import/format';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { FamilyStoreLayout } from '../store/family-repository';
import type { StoreDefinition } from '../store/open-store';
import type { Register } from '../store-url';
import type { SubgraphApp } from './create-subgraph-app';
import type { SubgraphResolverMap } from './register-app';
import type { SeedBatch } from './seed-batch';

/** What any process may know of a subgraph without loading its code: its name and default port. */
export interface SubgraphAddress {
  /**
   * Its folder under subgraphs/ (and so its SDL, subgraphs/<name>/schema.graphql), its name in the
   * supergraph, and the prefix of its variables: `<NAME>_PORT`, `<NAME>_URL`, `<NAME>_DATABASE_URL`,
   * `<NAME>_DATABASE_REPLICA_URLS`.
   */
  readonly name: string;
  /** Where it listens when `<NAME>_PORT` is unset, and so the gateway's default `<NAME>_URL`. */
  readonly defaultPort: number;
}

/**
 * What serving, seeding and importing a stored subgraph load: its tables, resolvers and CSV format.
 * Behind `load()` because typeorm's entities and the resolvers are heavy, and most processes that
 * read the registry (the gateway, `npm start`, the tests of the deploy files) need only names and
 * ports.
 */
export interface StoredSubgraphParts<Family = any, Member = any> {
  /** Its entities and migrations (the audit trail's and the import ledger's included). */
  readonly store: StoreDefinition;
  /** How its records are laid out in the tables: the repository and the importer write through it. */
  readonly layout: FamilyStoreLayout<Family, Member, any, any, any, any>;
  /** Its resolver map, one file per type under subgraphs/<name>/resolvers/. */
  readonly resolvers: SubgraphResolverMap;
  /** Its CSV layout for `npm run import` and `npm run export-csv`. */
  readonly importFormat: ImportFormat<Family, Member>;
}

/**
 * A subgraph that owns a store of families, served by the generic entry point (subgraphs/main.ts
 * through common/subgraph/run-subgraph.ts), written by `npm run seed` and `npm run import`.
 */
export interface StoredSubgraphDescriptor<Family = any> extends SubgraphAddress {
  readonly kind: 'stored';
  /** A register: dtsen reads its families (common/store-url.ts's REGISTERS). */
  readonly register: boolean;
  /** Its rows of one seed batch. */
  readonly seedRows: (batch: SeedBatch) => readonly Family[];
  readonly load: () => Promise<StoredSubgraphParts<Family>>;
}

/** A register: a stored subgraph dtsen reads (DTKS, Regsosek, P3KE). */
export interface RegisterDescriptor<Family = any> extends StoredSubgraphDescriptor<Family> {
  readonly name: Register;
  readonly register: true;
}

/** A subgraph with a process of its own kind (dtsen: it reads the resolution index and calls the registers). */
export interface ServiceSubgraphDescriptor extends SubgraphAddress {
  readonly kind: 'service';
  /**
   * Serves it as its own process until SIGINT/SIGTERM (subgraphs/main.ts), loading its code only
   * when called; `registry` is every subgraph's address, for one that calls the others.
   */
  readonly serve: (registry: readonly SubgraphAddress[]) => void;
}

/** What an own-store subgraph's app is built with, besides its store and its own settings. */
export interface OwnStoreAppDependencies {
  /** PRINCIPAL_SIGNING_SECRET, or its own key when it holds only that: seals its cursors. */
  readonly signingSecret: string;
  /** The key the gateway signs calls to it with (`<NAME>_SIGNING_SECRET`); default: derived from `signingSecret`. */
  readonly signingKey?: string | undefined;
  readonly metrics?: ServiceMetrics | undefined;
  readonly logger?: Logger | undefined;
  /** The clock its writes are stamped with (default: the system's); tests move it. */
  readonly now?: (() => Date) | undefined;
}

/**
 * What serving an own-store subgraph loads (behind `load()`, like a stored subgraph's parts): its
 * tables and migrations, and its app over its opened store.
 */
export interface OwnStoreSubgraphParts<Config = unknown> {
  /** Its entities and migrations (its audit trail's included). */
  readonly store: StoreDefinition;
  /** Its app over its opened store and its settings (its descriptor's `loadConfig`); it does not listen. */
  readonly buildApp: (dataSource: DataSource, config: Config, dependencies: OwnStoreAppDependencies) => Promise<SubgraphApp>;
}

/**
 * A subgraph with a store of its own that is not a family register (changes: the change requests):
 * served by the generic entry point, migrated on start, never seeded or imported into, and not
 * read by dtsen.
 */
export interface OwnStoreSubgraphDescriptor<Config = any> extends SubgraphAddress {
  readonly kind: 'own-store';
  /**
   * Its settings beyond port, store and signing key (which every subgraph with a store reads the
   * same way, stored-subgraph-config.ts), typed and frozen; throws naming a bad variable.
   * `registry`: every subgraph's address, for the ones it calls. Light: no store or resolver code.
   */
  readonly loadConfig: (registry: readonly SubgraphAddress[], env: NodeJS.ProcessEnv) => Config;
  readonly load: () => Promise<OwnStoreSubgraphParts<Config>>;
}

/** Any subgraph of the supergraph: one line of subgraphs/registry.ts. */
export type SubgraphDescriptor = StoredSubgraphDescriptor | OwnStoreSubgraphDescriptor | ServiceSubgraphDescriptor;

/** A subgraph that owns a store, of families or its own: served by subgraphs/main.ts, with a store URL and a signing key of its own. */
export type StoreOwningSubgraphDescriptor = StoredSubgraphDescriptor | OwnStoreSubgraphDescriptor;
