import { latestMemberRecord, memberRecords, nikReference, unmaskedMemberRecords } from '../../../common/subgraph/register-resolvers';

export const Person = {
  __resolveReference: nikReference,
  regsosek: latestMemberRecord,
  regsosekRecords: memberRecords,
  regsosekInputRecords: unmaskedMemberRecords,
};
