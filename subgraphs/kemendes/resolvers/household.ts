import { householdReference } from '../../../common/subgraph/register-resolvers';
import type { HouseholdResolvers } from '../generated/resolvers-types';

export const Household: HouseholdResolvers = {
  __resolveReference: householdReference,
};
