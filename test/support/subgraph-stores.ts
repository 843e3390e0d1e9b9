import type { DataSource } from 'typeorm';
import { openStore, type StoreOptions } from '../../common/store/open-store';
import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildStoredSubgraphApp, type StoredSubgraphAppDependencies } from '../../common/subgraph/stored-subgraph';
import { storedSubgraphNamed } from '../../subgraphs/registry';

/** Opens a stored subgraph's store from the registry's descriptor, as its process does. */
export function openStoreOf(name: string): (url: string, options?: StoreOptions) => Promise<DataSource> {
  return async (url, options) => openStore(url, (await storedSubgraphNamed(name).load()).store, options);
}

/** Builds a stored subgraph's app from the registry's descriptor, as its process does. */
export function buildAppOf(name: string): (dependencies: StoredSubgraphAppDependencies) => Promise<SubgraphApp> {
  return (dependencies) => buildStoredSubgraphApp(storedSubgraphNamed(name), dependencies);
}
