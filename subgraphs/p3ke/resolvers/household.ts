import { familyOf, householdReference, unmaskedFamilyOf } from '../../../common/subgraph/register-resolvers';

export const Household = {
  __resolveReference: householdReference,
  p3ke: familyOf,
  p3keInput: unmaskedFamilyOf,
};
