import { personOfMember } from '../../../common/subgraph/record-fields';
import { maskedMemberFields } from '../../../common/subgraph/register-resolvers';
import type { DtksMemberResolvers } from '../generated/resolvers-types';

export const DtksMember: DtksMemberResolvers = {
  ...maskedMemberFields,
  person: personOfMember,
};
