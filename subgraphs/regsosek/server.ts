import type { Logger } from '../../common/logging/logger';
import type { ServiceMetrics } from '../../common/metrics/service-metrics';
import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildRegisterApp } from '../../common/subgraph/register-app';
import { createRegsosekLoaders } from './loaders';
import type { RegsosekRepository } from './repository';
import { regsosekResolvers } from './resolvers';

export interface RegsosekAppDependencies {
  readonly repository: RegsosekRepository;
  /** The key the gateway signs principals with (PRINCIPAL_SIGNING_SECRET). */
  readonly signingSecret: string;
  /** Served at GET /metrics (default: a fresh set counting no store). */
  readonly metrics?: ServiceMetrics;
  /** Where the subgraph logs (default: nowhere). */
  readonly logger?: Logger;
}

/** The REGSOSEK subgraph over a repository, serving only requests the gateway signed; it does not listen. */
export function buildRegsosekApp({ repository, signingSecret, metrics, logger }: RegsosekAppDependencies): Promise<SubgraphApp> {
  return buildRegisterApp({ register: 'regsosek', resolvers: regsosekResolvers, repository, createLoaders: createRegsosekLoaders, signingSecret, metrics, logger });
}
