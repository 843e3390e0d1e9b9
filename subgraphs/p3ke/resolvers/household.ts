import { householdResolvers } from '../../../common/subgraph/register-resolvers';

export const Household = householdResolvers('p3ke');
