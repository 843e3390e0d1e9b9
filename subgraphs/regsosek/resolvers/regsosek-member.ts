import { personOfMember, sensitiveField } from '../../../common/subgraph/record-fields';
import { maskedMemberFields } from '../../../common/subgraph/register-resolvers';

export const RegsosekMember = {
  ...maskedMemberFields,
  person: personOfMember,
  difficulty: sensitiveField('difficulty'),
  chronicDisease: sensitiveField('chronicDisease'),
  healthInsurance: sensitiveField('healthInsurance'),
  pregnant: sensitiveField('pregnant'),
};
