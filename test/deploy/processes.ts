import { loadGatewayConfig } from '../../gateway/config';
import { loadLocalTokenSecret } from '../../gateway/auth/local-token-config';
import { loadResolutionConfig } from '../../resolution/config';
import { loadSeedConfig } from '../../seed/config';
import { loadStoredSubgraphConfig } from '../../common/subgraph/stored-subgraph-config';
import { loadDtsenServiceConfig } from '../../subgraphs/dtsen/config';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry';
import type { RunningSystem } from '../support/system';

export interface ImageProcess {
  /** Reads the process's configuration from `env` as the process does at start; throws on a bad one. */
  readonly load: (env: NodeJS.ProcessEnv) => { port?: number };
  /** Where the running test system serves this process, for a long-running one. */
  readonly probeOrigin?: (system: RunningSystem) => string;
}

/** The generic entry point of every subgraph: `node dist/subgraphs/main.js <name>`. */
export const SUBGRAPH_ENTRY_POINT = 'dist/subgraphs/main.js';

/** Each subgraph's process, by the subgraph's name (the argument of SUBGRAPH_ENTRY_POINT). */
const SUBGRAPH_PROCESSES: Readonly<Record<string, ImageProcess>> = Object.fromEntries(
  SUBGRAPH_REGISTRY.map((subgraph): [string, ImageProcess] =>
    subgraph.kind === 'service'
      ? [subgraph.name, { load: (env) => loadDtsenServiceConfig(SUBGRAPH_REGISTRY, env) }]
      : [
          subgraph.name,
          {
            load: (env) => {
              if (subgraph.kind === 'own-store') subgraph.loadConfig(SUBGRAPH_REGISTRY, env);
              return loadStoredSubgraphConfig(subgraph, env);
            },
            probeOrigin: (system) => new URL(system.subgraphUrls[subgraph.name] ?? '').origin,
          },
        ],
  ),
);

/** Each other process the image runs, by the entry point of its command (`node <entry point> ...`). */
export const PROCESSES: Readonly<Record<string, ImageProcess>> = {
  'dist/gateway/main.js': { load: (env) => loadGatewayConfig(env), probeOrigin: (system) => new URL(system.gatewayUrl).origin },
  'dist/seed/cli.js': {
    load: (env) => {
      loadSeedConfig(env);
      return {};
    },
  },
  'dist/resolution/cli.js': {
    load: (env) => {
      // Without GATEWAY_TOKEN the run signs its own indexer token, as resolution/cli.ts does.
      if (loadResolutionConfig(env).gatewayToken === null) loadLocalTokenSecret(env);
      return {};
    },
  },
};

/** Variables the libraries read themselves rather than our configuration modules. */
export const LIBRARY_VARIABLES = new Set(['APOLLO_TELEMETRY_DISABLED']);

/** The process a container command runs; throws naming an entry point (or subgraph) the image does not have. */
export function processOf(owner: string, command: readonly string[] | undefined): ImageProcess {
  const entryPoint = command?.[1] ?? '';
  if (entryPoint === SUBGRAPH_ENTRY_POINT) {
    const subgraph = SUBGRAPH_PROCESSES[command?.[2] ?? ''];
    if (!subgraph) throw new Error(`${owner}: unknown subgraph ${command?.[2] ?? '(none)'}`);
    return subgraph;
  }
  const process = PROCESSES[entryPoint];
  if (!process) throw new Error(`${owner}: unknown entry point ${entryPoint}`);
  return process;
}
