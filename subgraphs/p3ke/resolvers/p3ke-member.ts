import { personOfMember } from '../../../common/subgraph/register-resolvers';
import type { P3keMemberResolvers } from '../generated/resolvers-types';

export const P3keMember: P3keMemberResolvers = {
  person: personOfMember,
};
