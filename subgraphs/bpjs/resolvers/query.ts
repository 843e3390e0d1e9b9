import { familyListingResolver, importStateResolver } from '../../../common/subgraph/register-resolvers';
import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  bpjsFamilies: familyListingResolver('bpjsFamilies'),
  importState: importStateResolver,
};
