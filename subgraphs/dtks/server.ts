import type { Logger } from '../../common/logging/logger';
import type { ServiceMetrics } from '../../common/metrics/service-metrics';
import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildRegisterApp } from '../../common/subgraph/register-app';
import { createDtksLoaders } from './loaders';
import type { DtksRepository } from './repository';
import { dtksResolvers } from './resolvers';

export interface DtksAppDependencies {
  readonly repository: DtksRepository;
  /** The key the gateway signs principals with (PRINCIPAL_SIGNING_SECRET). */
  readonly signingSecret: string;
  /** Served at GET /metrics (default: a fresh set counting no store). */
  readonly metrics?: ServiceMetrics;
  /** Where the subgraph logs (default: nowhere). */
  readonly logger?: Logger;
}

/** The DTKS subgraph over a repository, serving only requests the gateway signed; it does not listen. */
export function buildDtksApp({ repository, signingSecret, metrics, logger }: DtksAppDependencies): Promise<SubgraphApp> {
  return buildRegisterApp({ register: 'dtks', resolvers: dtksResolvers, repository, createLoaders: createDtksLoaders, signingSecret, metrics, logger });
}
