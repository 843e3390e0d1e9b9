import { runOwnStoreSubgraph, runStoredSubgraph } from '../common/subgraph/run-subgraph';
import { SUBGRAPH_REGISTRY, subgraphNamed } from './registry';

/** Serves the registry's subgraph `name` in this process until signalled; exits 1 for an unknown name. */
export function serveSubgraph(name: string): void {
  let subgraph;
  try {
    subgraph = subgraphNamed(name);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)} (usage: subgraphs/main.ts <name>, or SUBGRAPH=<name>)`);
    process.exit(1);
  }
  if (subgraph.kind === 'stored') runStoredSubgraph(subgraph);
  else if (subgraph.kind === 'own-store') runOwnStoreSubgraph(subgraph, SUBGRAPH_REGISTRY);
  else subgraph.serve(SUBGRAPH_REGISTRY);
}
