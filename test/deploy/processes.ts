import { loadGatewayConfig } from '../../gateway/config';
import { loadLocalTokenSecret } from '../../gateway/auth/local-token-config';
import { loadResolutionConfig } from '../../resolution/config';
import { loadSeedConfig } from '../../seed/config';
import { loadDtksConfig } from '../../subgraphs/dtks/config';
import { loadP3keConfig } from '../../subgraphs/p3ke/config';
import { loadRegsosekConfig } from '../../subgraphs/regsosek/config';
import type { RunningSystem } from '../support/system';

export interface ImageProcess {
  /** Reads the process's configuration from `env` as the process does at start; throws on a bad one. */
  readonly load: (env: NodeJS.ProcessEnv) => { port?: number };
  /** Where the running test system serves this process, for a long-running one. */
  readonly probeOrigin?: (system: RunningSystem) => string;
}

/** Each process the image runs, by the entry point of its command (`node <entry point> ...`). */
export const PROCESSES: Readonly<Record<string, ImageProcess>> = {
  'dist/gateway/main.js': { load: (env) => loadGatewayConfig(env), probeOrigin: (system) => new URL(system.gatewayUrl).origin },
  'dist/subgraphs/dtks/main.js': { load: loadDtksConfig, probeOrigin: (system) => new URL(system.subgraphUrls.dtks).origin },
  'dist/subgraphs/regsosek/main.js': { load: loadRegsosekConfig, probeOrigin: (system) => new URL(system.subgraphUrls.regsosek).origin },
  'dist/subgraphs/p3ke/main.js': { load: loadP3keConfig, probeOrigin: (system) => new URL(system.subgraphUrls.p3ke).origin },
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

/** The process a container command runs; throws naming an entry point the image does not have. */
export function processOf(owner: string, command: readonly string[] | undefined): ImageProcess {
  const entryPoint = command?.[1] ?? '';
  const process = PROCESSES[entryPoint];
  if (!process) throw new Error(`${owner}: unknown entry point ${entryPoint}`);
  return process;
}
