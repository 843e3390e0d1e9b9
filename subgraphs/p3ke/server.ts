import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildRegisterApp } from '../../common/subgraph/register-app';
import { createP3keLoaders } from './loaders';
import type { P3keRepository } from './repository';
import { p3keResolvers } from './resolvers';

/** The P3KE subgraph over a repository; it does not listen. */
export function buildP3keApp({ repository }: { repository: P3keRepository }): Promise<SubgraphApp> {
  return buildRegisterApp({ register: 'p3ke', resolvers: p3keResolvers, repository, createLoaders: createP3keLoaders });
}
