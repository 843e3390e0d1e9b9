import { personOfMember } from '../../../common/subgraph/register-resolvers';

export const P3keMember = {
  person: personOfMember,
};
