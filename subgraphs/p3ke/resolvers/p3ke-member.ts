import { personOfMember } from '../../../common/subgraph/record-fields';
import { maskedMemberFields } from '../../../common/subgraph/register-resolvers';
import type { P3keMemberResolvers } from '../generated/resolvers-types';

export const P3keMember: P3keMemberResolvers = {
  ...maskedMemberFields,
  person: personOfMember,
};
