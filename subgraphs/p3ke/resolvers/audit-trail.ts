import { auditEntries, nikReference } from '../../../common/subgraph/register-resolvers';

export const AuditTrail = {
  __resolveReference: nikReference,
  p3ke: auditEntries,
};
