import { familyOf, householdReference, unmaskedFamilyOf } from '../../../common/subgraph/register-resolvers';

export const Household = {
  __resolveReference: householdReference,
  regsosek: familyOf,
  regsosekInput: unmaskedFamilyOf,
};
