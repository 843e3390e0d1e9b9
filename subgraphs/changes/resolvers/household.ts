import { householdReference } from '../../../common/subgraph/register-resolvers';
import { requireScope } from '../../../common/subgraph/access';
import type { HouseholdResolvers } from '../generated/resolvers-types';
import { served } from './served';

export const Household: HouseholdResolvers = {
  __resolveReference: householdReference,
  noKK: (household) => household.noKK,
  changeRequests: async (household, _args, context) => {
    requireScope(context.principal, ['lookup'], "Reading a family's change requests");
    return served(context, await context.loaders.requestsByNoKK.load(household.noKK));
  },
};
