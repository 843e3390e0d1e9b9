import { personOfMember } from '../../../common/subgraph/register-resolvers';
import type { BpjsEnrolmentResolvers } from '../generated/resolvers-types';

export const BpjsEnrolment: BpjsEnrolmentResolvers = {
  person: personOfMember,
};
