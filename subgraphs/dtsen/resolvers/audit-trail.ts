import type { AuditRecord } from '../../../common/store/audit-records';
import { REGISTERS } from '../../../common/store-url';
import { sourceUnavailable } from '../../../subgraph-calls/source-data-source';
import type { DtsenDependencies } from '../dependencies';
import type { AuditTrailResolvers } from '../generated/resolvers-types';
import { indexOf } from './index-status';
import { principalWithScope } from './scopes';

const newestFirst = (a: AuditRecord, b: AuditRecord) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1);

/**
 * `AuditTrail.index`: the index's entries of the families the registers' trails name for the NIK.
 * A register whose trail did not arrive fails the field (SOURCE_UNAVAILABLE naming it) rather than
 * answer the data subject with a list that may be short.
 */
export function auditTrailResolvers(deps: DtsenDependencies): AuditTrailResolvers {
  return {
    async index(trail, _args, context) {
      principalWithScope(context, 'audit', 'auditTrail');
      const families = new Set<string>();
      for (const register of REGISTERS) {
        const entries = trail[register];
        if (!Array.isArray(entries)) throw sourceUnavailable(register);
        for (const entry of entries) if (entry.noKK !== null) families.add(entry.noKK);
      }
      const entries = await indexOf(deps).auditTrailByNoKKs([...families]);
      return entries.flat().sort(newestFirst);
    },
  };
}
