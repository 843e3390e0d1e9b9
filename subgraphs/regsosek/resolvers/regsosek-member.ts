import { personOfMember } from '../../../common/subgraph/record-fields';
import { maskedMemberFields, sensitiveRecordField } from '../../../common/subgraph/register-resolvers';
import type { RegsosekMemberResolvers } from '../generated/resolvers-types';

export const RegsosekMember: RegsosekMemberResolvers = {
  ...maskedMemberFields,
  person: personOfMember,
  difficulty: sensitiveRecordField('difficulty'),
  chronicDisease: sensitiveRecordField('chronicDisease'),
  healthInsurance: sensitiveRecordField('healthInsurance'),
  pregnant: sensitiveRecordField('pregnant'),
};
