import { auditEntries, nikReference } from '../../../common/subgraph/register-resolvers';
import type { AuditTrailResolvers } from '../generated/resolvers-types';

export const AuditTrail: AuditTrailResolvers = {
  __resolveReference: nikReference,
  kemendes: auditEntries,
};
