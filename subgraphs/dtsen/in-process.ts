import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { Principal } from '../../common/auth/principal';
import type { Logger } from '../../common/logging/logger';
import type { IndexQueryRepository } from '../../resolution/query-repository';
import type { TimedFetch } from '../../subgraph-calls/subgraph-fetch';
import type { SubgraphPolicy } from '../../subgraph-calls/subgraph-policy';
import { createDtsenContext, type DtsenContext } from './context';
import { dtsenDependencies, type DtsenRegisterAccess } from './dependencies';
import { isoDate } from './domain/ages';
import { InProcessDataSource } from './in-process-data-source';
import { indexWarningPlugin } from './index-warning-plugin';
import { buildDtsenSchema } from './schema';
import { DtsenServiceDataSource } from './service-data-source';

export type { DtsenContext } from './context';

export interface DtsenOptions {
  readonly ruleSetVersion: string;
  /** Ages and benefits are computed at this date (midnight UTC). */
  readonly evaluationDate: Date;
  /** How dtsen reaches the registers: the gateway's own register access. */
  readonly registers: DtsenRegisterAccess;
  readonly signingSecret: string;
  readonly index: IndexQueryRepository;
  readonly importStatesMaxAgeMs?: number;
}

/** What the gateway needs of the dtsen subgraph, whether it runs in the gateway's process or as its own service. */
export interface DtsenForGateway {
  /** dtsen executed in the gateway's process. */
  readonly inProcess: GraphQLDataSource;
  /** dtsen as its own service at `url` (DTSEN_URL), called like a register: signed, under its own policy. */
  service(url: string, fetcher: TimedFetch, policy: SubgraphPolicy, logger: Logger): GraphQLDataSource;
  /** Copies the index's warning (missing or stale) into the response's `extensions.indexWarning`. */
  readonly indexWarning: ApolloServerPlugin<DtsenContext>;
  /** Per request: dtsen's state for the principal, spread into the gateway's context value. */
  contextFor(principal: Principal, deadline: number, requestId: string): DtsenContext;
  /** The rule set and evaluation date a finished index run must match to be current. */
  readonly expected: { readonly ruleSet: string; readonly evaluationDate: string };
}

/** The dtsen subgraph as the gateway uses it: the one entry point the gateway imports from `subgraphs/dtsen/`. */
export function dtsenForGateway(options: DtsenOptions): DtsenForGateway {
  const dependencies = dtsenDependencies(options, options.registers);
  return {
    inProcess: new InProcessDataSource(buildDtsenSchema(dependencies)),
    service: (url, fetcher, policy, logger) => new DtsenServiceDataSource('dtsen', url, fetcher, policy, logger),
    indexWarning: indexWarningPlugin(),
    contextFor: (principal, deadline, requestId) => createDtsenContext(dependencies, principal, deadline, requestId),
    expected: { ruleSet: dependencies.ruleSet.version, evaluationDate: isoDate(options.evaluationDate) },
  };
}
