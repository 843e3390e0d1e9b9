import { personOfMember } from '../../../common/subgraph/register-resolvers';

export const RegsosekMember = {
  person: personOfMember,
};
