import type { OwnStoreSubgraphDescriptor, RegisterDescriptor, StoredSubgraphDescriptor, StoreOwningSubgraphDescriptor, SubgraphDescriptor } from '../common/subgraph/descriptor';
import { BPJS } from './bpjs/subgraph';
import { CHANGES } from './changes/subgraph';
import { DTKS } from './dtks/subgraph';
import { DTSEN } from './dtsen/subgraph';
import { KEMENDES } from './kemendes/subgraph';
import { P3KE } from './p3ke/subgraph';
import { REGSOSEK } from './regsosek/subgraph';

/**
 * Every subgraph of the supergraph, one line each: `npm start`, the seed, the import, the gateway,
 * the compose step and the test harness read it; the deploy files are checked against it
 * (test/deploy/). Adding a subgraph is its folder and one line here (docs/architecture.md).
 */
export const SUBGRAPH_REGISTRY: readonly SubgraphDescriptor[] = [
  DTKS,
  REGSOSEK,
  P3KE,
  KEMENDES,
  BPJS,
  CHANGES,
  DTSEN,
];

/** The subgraphs that own a store: seeded, imported into, served by the generic entry point. */
export const STORED_SUBGRAPHS: readonly StoredSubgraphDescriptor[] = SUBGRAPH_REGISTRY.filter(
  (subgraph): subgraph is StoredSubgraphDescriptor => subgraph.kind === 'stored',
);

/** The subgraphs with a store of their own that is not a family register: served and migrated, never seeded or imported into. */
export const OWN_STORE_SUBGRAPHS: readonly OwnStoreSubgraphDescriptor[] = SUBGRAPH_REGISTRY.filter(
  (subgraph): subgraph is OwnStoreSubgraphDescriptor => subgraph.kind === 'own-store',
);

/** Every subgraph that owns a store: each its own process (subgraphs/main.ts), store URL and signing key. */
export const STORE_OWNING_SUBGRAPHS: readonly StoreOwningSubgraphDescriptor[] = SUBGRAPH_REGISTRY.filter(
  (subgraph): subgraph is StoreOwningSubgraphDescriptor => subgraph.kind !== 'service',
);

/** The registers: the stored subgraphs dtsen reads. */
export const REGISTER_SUBGRAPHS: readonly RegisterDescriptor[] = STORED_SUBGRAPHS.filter((subgraph): subgraph is RegisterDescriptor => subgraph.register);

/** The subgraph of this name; throws naming the known ones. */
export function subgraphNamed(name: string): SubgraphDescriptor {
  const found = SUBGRAPH_REGISTRY.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; the registry has ${SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name).join(', ')}`);
  return found;
}

/** The stored subgraph of this name; throws naming the known ones. */
export function storedSubgraphNamed(name: string): StoredSubgraphDescriptor {
  const found = STORED_SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`Unknown stored subgraph "${name}"; the registry has ${STORED_SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')}`);
  return found;
}
