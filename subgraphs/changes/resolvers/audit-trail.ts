import { isSixteenDigits } from '../../../common/identifiers';
import { requireScope } from '../../../common/subgraph/access';
import { nikReference } from '../../../common/subgraph/register-resolvers';
import type { AuditTrailResolvers } from '../generated/resolvers-types';

export const AuditTrail: AuditTrailResolvers = {
  __resolveReference: nikReference,
  changes: async (trail, _args, context) => {
    requireScope(context.principal, ['audit'], 'Reading the audit trail');
    if (!isSixteenDigits(trail.nik)) return [];
    const entries = await context.loaders.auditByNik.load(trail.nik);
    // Who read whose audit trail is itself a read of that person's data, recorded under each family it names.
    for (const noKK of new Set(entries.map((entry) => entry.noKK).filter((noKK): noKK is string => noKK !== null))) context.audit.family(noKK, [trail.nik]);
    return entries;
  },
};
