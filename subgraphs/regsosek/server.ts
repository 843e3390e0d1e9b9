import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildRegisterApp } from '../../common/subgraph/register-app';
import { createRegsosekLoaders } from './loaders';
import type { RegsosekRepository } from './repository';
import { regsosekResolvers } from './resolvers';

/** The REGSOSEK subgraph over a repository; it does not listen. */
export function buildRegsosekApp({ repository }: { repository: RegsosekRepository }): Promise<SubgraphApp> {
  return buildRegisterApp({ register: 'regsosek', resolvers: regsosekResolvers, repository, createLoaders: createRegsosekLoaders });
}
