import { personOfMember } from '../../../common/subgraph/record-fields';
import { maskedMemberFields } from '../../../common/subgraph/register-resolvers';

export const DtksMember = {
  ...maskedMemberFields,
  person: personOfMember,
};
