import type { Logger } from '../../common/logging/logger';
import type { ServiceMetrics } from '../../common/metrics/service-metrics';
import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildRegisterApp } from '../../common/subgraph/register-app';
import { createP3keLoaders } from './loaders';
import type { P3keRepository } from './repository';
import { p3keResolvers } from './resolvers';

export interface P3keAppDependencies {
  readonly repository: P3keRepository;
  /** The key the gateway signs principals with (PRINCIPAL_SIGNING_SECRET). */
  readonly signingSecret: string;
  /** Served at GET /metrics (default: a fresh set counting no store). */
  readonly metrics?: ServiceMetrics;
  /** Where the subgraph logs (default: nowhere). */
  readonly logger?: Logger;
}

/** The P3KE subgraph over a repository, serving only requests the gateway signed; it does not listen. */
export function buildP3keApp({ repository, signingSecret, metrics, logger }: P3keAppDependencies): Promise<SubgraphApp> {
  return buildRegisterApp({ register: 'p3ke', resolvers: p3keResolvers, repository, createLoaders: createP3keLoaders, signingSecret, metrics, logger });
}
