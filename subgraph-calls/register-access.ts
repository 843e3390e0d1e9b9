import type { Dispatcher } from 'undici';
import { REGISTERS } from '../common/store-url';
import type { IndexQueryRepository } from '../resolution/query-repository';
import { signingFetch } from './signing-fetch';
import { indexFirstDirectory, type RegisterDirectory } from './register-directory';
import { createHttpRegisterDirectory } from './register-directory-http';
import type { SubgraphPolicy } from './subgraph-policy';
import { fetcherWithTimeout, subgraphAgent, type TimedFetch } from './subgraph-fetch';

export interface RegisterAccessOptions {
  /** By subgraph name; every register's among them. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly signingSecret: string;
  /** By subgraph name; every register's among them. */
  readonly policies: Readonly<Record<string, SubgraphPolicy>>;
  readonly index: Pick<IndexQueryRepository, 'indexedHouseholds' | 'appendAudit'>;
  /** The HTTP client of every subgraph call; the caller closes one it passes. Default: a keep-alive pool of its own. */
  readonly dispatcher?: Dispatcher;
}

export interface RegisterAccess {
  /** Signs every request that carries a principal; the transport of every subgraph call. */
  readonly fetcher: TimedFetch;
  /**
   * The same transport with a longer attempt timeout, for the dtsen service: it asks the registers
   * itself, so one of its answers may take a register's timeout and more.
   */
  readonly fetcherTimingOutAfter: (timeoutMs: number) => TimedFetch;
  /** Whether a key is held: the index first for households, then the registers, through their policies. */
  readonly directory: RegisterDirectory;
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
  const fetcher = signingFetch(options.signingSecret, fetcherWithTimeout(options.subgraphTimeoutMs, dispatcher));
  return {
    fetcher,
    fetcherTimingOutAfter: (timeoutMs) => signingFetch(options.signingSecret, fetcherWithTimeout(timeoutMs, dispatcher)),
    directory: indexFirstDirectory(createHttpRegisterDirectory(options.subgraphUrls, fetcher, options.policies), options.index),
    close: async () => {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}
