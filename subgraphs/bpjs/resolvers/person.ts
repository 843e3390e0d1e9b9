import { latestMemberRecord, nikReference, unmaskedMemberRecords } from '../../../common/subgraph/register-resolvers';
import type { PersonResolvers } from '../generated/resolvers-types';

export const Person: PersonResolvers = {
  __resolveReference: nikReference,
  bpjs: latestMemberRecord,
  bpjsInputRecords: unmaskedMemberRecords,
};
