import { familyListingResolver } from '../../../common/subgraph/register-resolvers';

export const Query = {
  p3keFamilies: familyListingResolver('p3keFamilies'),
};
