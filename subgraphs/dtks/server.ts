import type { SubgraphApp } from '../../common/subgraph/create-subgraph-app';
import { buildRegisterApp } from '../../common/subgraph/register-app';
import { createDtksLoaders } from './loaders';
import type { DtksRepository } from './repository';
import { dtksResolvers } from './resolvers';

/** The DTKS subgraph over a repository; it does not listen. */
export function buildDtksApp({ repository }: { repository: DtksRepository }): Promise<SubgraphApp> {
  return buildRegisterApp({ register: 'dtks', resolvers: dtksResolvers, repository, createLoaders: createDtksLoaders });
}
