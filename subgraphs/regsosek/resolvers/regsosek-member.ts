import { sensitiveField } from '../../../common/subgraph/record-fields';
import { memberResolvers } from '../../../common/subgraph/register-resolvers';

export const RegsosekMember = {
  ...memberResolvers(),
  difficulty: sensitiveField('difficulty'),
  chronicDisease: sensitiveField('chronicDisease'),
  healthInsurance: sensitiveField('healthInsurance'),
  pregnant: sensitiveField('pregnant'),
};
