import { auditTrailResolvers } from '../../../common/subgraph/register-resolvers';

export const AuditTrail = auditTrailResolvers('dtks');
