import { parseFirst, toFamilyConnection } from '../../../common/pagination';
import { createAuditRecorder } from '../../../common/subgraph/audit-recorder';
import { badUserInput } from '../../../common/errors';
import { keptPeriod } from '../../../resolution/eligibility-changes';
import { parseHouseholdFilter } from '../../../resolution/household-filter';
import { requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import type { QueryHouseholdsArgs } from '../generated/resolvers-types';
import type { HouseholdsAnswer } from '../index-answers';
import { keptPeriods } from './history';
import { indexOf, readIndexStatus } from './index-status';
import { principalWithScope } from './scopes';

/**
 * `Query.households`: one page of No. KKs from the index, within the principal's regions; the
 * gateway resolves the nodes live. The page's families are recorded in the index's audit trail
 * before they are returned: a client selecting only `nodes { noKK }` gets them from the index
 * alone, with no register asked (and so none recording the read). If the entry cannot be written,
 * the page is not served.
 */
export function householdsResolver(deps: DtsenDependencies) {
  return async (_root: unknown, args: QueryHouseholdsArgs, context: DtsenContext): Promise<HouseholdsAnswer> => {
    const principal = principalWithScope(context, 'search', 'households');
    const first = parseFirst(args.first);
    const query = parseHouseholdFilter(args.filter);
    const period = args.period ?? null;
    if (period !== null) {
      keptPeriod(period, await keptPeriods(deps, context), 'period');
      if (query.dataQuality !== null) throw badUserInput('filter.dataQuality cannot be asked of a period: a kept period holds no data-quality issues', 'filter.dataQuality');
    }
    const binding = { listing: 'households', filter: { ...query, period } };
    const after = deps.cursors.decode(binding, args.after);
    const status = await readIndexStatus(deps, context);
    const index = indexOf(deps);
    const page =
      period === null ? await index.listHouseholds(query, principal.regions, first, after) : await index.listHouseholdsAt(period, query, principal.regions, first, after);
    const audit = createAuditRecorder(principal, (entries) => index.appendAudit(entries), requestState(context).requestId);
    for (const { noKK } of page.families) audit.indexedFamily(noKK);
    await audit.flush();
    // Counted only when selected: a COUNT over a province's families on every page a client turns.
    const totalCount = () => (period === null ? index.countHouseholds(query, principal.regions) : index.countHouseholdsAt(period, query, principal.regions));
    return { ...toFamilyConnection({ ...page, totalCount }, (position) => deps.cursors.encode(binding, position)), index: status.info };
  };
}
