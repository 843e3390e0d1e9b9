import { latestMemberRecord, memberRecords, nikReference, unmaskedMemberRecords } from '../../../common/subgraph/register-resolvers';

export const Person = {
  __resolveReference: nikReference,
  dtks: latestMemberRecord,
  dtksRecords: memberRecords,
  dtksInputRecords: unmaskedMemberRecords,
};
