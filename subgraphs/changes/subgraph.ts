import type { OwnStoreSubgraphDescriptor } from '../../common/subgraph/descriptor';

/**
 * changes: proposals and objections about families (usul and sanggah), their verification and
 * their periods (docs/changes.md). It owns a store of its own, not a family register: nothing is
 * seeded or imported into it, and dtsen does not read it.
 */
export const CHANGES: OwnStoreSubgraphDescriptor = {
  kind: 'own-store',
  name: 'changes',
  defaultPort: 4007,
  loadConfig: (registry, env) => (require('./config') as typeof import('./config')).loadChangesConfig(registry, env),
  // Required on first use: the store's entities and the resolvers are heavy (common/subgraph/descriptor.ts).
  load: async () => (require('./parts') as typeof import('./parts')).CHANGES_PARTS,
};
