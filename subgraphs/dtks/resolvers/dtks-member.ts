import { personOfMember } from '../../../common/subgraph/register-resolvers';
import type { DtksMemberResolvers } from '../generated/resolvers-types';

export const DtksMember: DtksMemberResolvers = {
  person: personOfMember,
};
