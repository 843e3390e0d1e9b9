import { personOfMember } from '../../../common/subgraph/register-resolvers';

export const DtksMember = {
  person: personOfMember,
};
