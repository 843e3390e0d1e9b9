import { familyListingResolver, importStateResolver } from '../../../common/subgraph/register-resolvers';
import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  dtksFamilies: familyListingResolver('dtksFamilies'),
  importState: importStateResolver,
};
