import { familyListingResolver } from '../../../common/subgraph/register-resolvers';

export const Query = {
  dtksFamilies: familyListingResolver('dtksFamilies'),
};
