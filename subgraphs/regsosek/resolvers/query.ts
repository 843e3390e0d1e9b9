import { familyListingResolver } from '../../../common/subgraph/register-resolvers';

export const Query = {
  regsosekFamilies: familyListingResolver('regsosekFamilies'),
};
