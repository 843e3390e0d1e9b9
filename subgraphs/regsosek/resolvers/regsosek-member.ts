import { personOfMember } from '../../../common/subgraph/register-resolvers';
import type { RegsosekMemberResolvers } from '../generated/resolvers-types';

export const RegsosekMember: RegsosekMemberResolvers = {
  person: personOfMember,
};
