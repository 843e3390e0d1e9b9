import { personOfMember } from '../../../common/subgraph/register-resolvers';
import type { KemendesRecipientResolvers } from '../generated/resolvers-types';

export const KemendesRecipient: KemendesRecipientResolvers = {
  person: personOfMember,
};
