import { familyOf, householdReference, unmaskedFamilyOf } from '../../../common/subgraph/register-resolvers';
import type { HouseholdResolvers } from '../generated/resolvers-types';

export const Household: HouseholdResolvers = {
  __resolveReference: householdReference,
  kemendes: familyOf,
  kemendesInput: unmaskedFamilyOf,
};
