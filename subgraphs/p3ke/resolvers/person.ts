import { latestMemberRecord, memberRecords, nikReference, unmaskedMemberRecords } from '../../../common/subgraph/register-resolvers';

export const Person = {
  __resolveReference: nikReference,
  p3ke: latestMemberRecord,
  p3keRecords: memberRecords,
  p3keInputRecords: unmaskedMemberRecords,
};
