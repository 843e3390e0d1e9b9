import { familyOf, householdReference, unmaskedFamilyOf } from '../../../common/subgraph/register-resolvers';
import type { HouseholdResolvers } from '../generated/resolvers-types';

export const Household: HouseholdResolvers = {
  __resolveReference: householdReference,
  bpjs: familyOf,
  // The family's enrolments, read in one batch with every other family of the request (familyByNoKK).
  bpjsInput: async (household, args, context) => (await unmaskedFamilyOf(household, args, context))?.members ?? [],
};
