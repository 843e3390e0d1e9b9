import { buildSubgraphSchema } from '@apollo/subgraph';
import type { FamilyLoaders } from '../loaders';
import type { Register } from '../store-url';
import type { FamilyRepository } from '../store/family-repository';
import { createSubgraphApp, type SubgraphApp } from './create-subgraph-app';
import { loadSdl } from './load-sdl';
import type { RegisterContext, RegisterResolvers } from './register-resolvers';

export interface RegisterAppParts<Family, Member, Filter> {
  readonly register: Register;
  readonly resolvers: RegisterResolvers;
  readonly repository: FamilyRepository<Family, Member, Filter>;
  readonly createLoaders: (repository: FamilyRepository<Family, Member, Filter>) => FamilyLoaders<Family, Member>;
}

/** A source subgraph's app: its SDL and resolvers over one repository, fresh loaders per request. */
export function buildRegisterApp<Family, Member, Filter>(parts: RegisterAppParts<Family, Member, Filter>): Promise<SubgraphApp> {
  const { register, resolvers, repository, createLoaders } = parts;
  return createSubgraphApp({
    name: register,
    schema: buildSubgraphSchema([{ typeDefs: loadSdl(register), resolvers }]),
    context: (): RegisterContext<Family, Member, Filter> => ({ repository, loaders: createLoaders(repository) }),
    ready: () => repository.ping(),
  });
}
