import type { Dispatcher } from 'undici';
import type { SigningKeys } from '../common/auth/subgraph-keys';
import { REGISTERS } from '../common/store-url';
import type { IndexQueryRepository } from '../resolution/query-repository';
import { signingFetch } from './signing-fetch';
import { indexFirstDirectory, type RegisterDirectory } from './register-directory';
import { createHttpRegisterDirectory, type ImportStates } from './register-directory-http';
import type { SubgraphPolicy } from './subgraph-policy';
import { fetcherWithTimeout, subgraphAgent, type TimedFetch } from './subgraph-fetch';

export interface RegisterAccessOptions {
  /** By subgraph name; every register's among them. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  /** Each callee's key (common/auth/subgraph-keys.ts): a call is signed with the key of the subgraph it goes to. */
  readonly signingKeys: SigningKeys;
  /** By subgraph name; every register's among them. */
  readonly policies: Readonly<Record<string, SubgraphPolicy>>;
  readonly index: Pick<IndexQueryRepository, 'indexedHouseholds' | 'appendAudit'>;
  /** The HTTP client of every subgraph call; the caller closes one it passes. Default: a keep-alive pool of its own. */
  readonly dispatcher?: Dispatcher;
}

export interface RegisterAccess {
  /** The transport of every call to `subgraph`: signs each request that carries a principal with that subgraph's key. */
  readonly fetcherOf: (subgraph: string) => TimedFetch;
  /**
   * The same transport with a longer attempt timeout, for the dtsen service: it asks the registers
   * itself, so one of its answers may take a register's timeout and more.
   */
  readonly fetcherTimingOutAfter: (subgraph: string, timeoutMs: number) => TimedFetch;
  /** Whether a key is held: the index first for households, then the registers, through their policies. */
  readonly directory: RegisterDirectory;
  /** Each register's import ledger now, for the index status; a register that could not be asked is left out. */
  readonly importStates: ImportStates;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

/**
 * How the gateway and the dtsen service reach the registers: one keep-alive pool, every request
 * signed inside the policies (a retry re-enters the signing fetch and gets a fresh timestamp).
 */
export function createRegisterAccess(options: RegisterAccessOptions): RegisterAccess {
  const missing = REGISTERS.filter((register) => options.subgraphUrls[register] === undefined || options.policies[register] === undefined);
  if (missing.length > 0) throw new Error(`No URL or policy for the register(s) ${missing.join(', ')}`);
  const dispatcher = options.dispatcher ?? subgraphAgent();
  const timed = fetcherWithTimeout(options.subgraphTimeoutMs, dispatcher);
  const fetchers = new Map<string, TimedFetch>();
  const fetcherOf = (subgraph: string): TimedFetch => {
    const known = fetchers.get(subgraph);
    if (known) return known;
    const fetcher = signingFetch(options.signingKeys(subgraph), timed);
    fetchers.set(subgraph, fetcher);
    return fetcher;
  };
  const registers = createHttpRegisterDirectory(options.subgraphUrls, fetcherOf, options.policies);
  return {
    fetcherOf,
    fetcherTimingOutAfter: (subgraph, timeoutMs) => signingFetch(options.signingKeys(subgraph), fetcherWithTimeout(timeoutMs, dispatcher)),
    directory: indexFirstDirectory(registers, options.index),
    importStates: registers.importStates,
    close: async () => {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}
