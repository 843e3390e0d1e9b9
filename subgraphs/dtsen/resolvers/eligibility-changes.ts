import { parseFirst } from '../../../common/pagination';
import { createAuditRecorder } from '../../../common/subgraph/audit-recorder';
import { checkChangeReader, eligibilityChangeAnswer, parseEligibilityChangeQuery } from '../../../resolution/eligibility-changes';
import { requestState, type DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import type { EligibilityChangeResolvers, QueryEligibilityChangesArgs } from '../generated/resolvers-types';
import type { EligibilityChangeNode, EligibilityChangesAnswer } from '../index-answers';
import { keptPeriods } from './history';
import { indexOf } from './index-status';

/**
 * `Query.eligibilityChanges`: one page of a programme's changes between two kept periods, within the
 * caseworker's regions (its region at `to`). Like `households`, the page's families are recorded in
 * the index's audit trail before they are served.
 */
export function eligibilityChangesResolver(deps: DtsenDependencies) {
  return async (_root: unknown, args: QueryEligibilityChangesArgs, context: DtsenContext): Promise<EligibilityChangesAnswer> => {
    const { principal, requestId } = requestState(context);
    checkChangeReader(principal, args.program, 'eligibilityChanges');
    const first = parseFirst(args.first);
    const { query, from, to } = parseEligibilityChangeQuery(args, await keptPeriods(deps, context));
    const binding = { listing: 'eligibilityChanges', filter: query };
    const after = deps.cursors.decode(binding, args.after);
    const index = indexOf(deps);
    const page = await index.eligibilityChanges(query, principal.regions, first, after);
    const audit = createAuditRecorder(principal, (entries) => index.appendAudit(entries), requestId);
    for (const change of page.changes) audit.indexedFamily(change.noKK);
    await audit.flush();
    const last = page.changes.at(-1);
    return {
      nodes: page.changes.map((change) => eligibilityChangeAnswer(change, query.program, from, to)),
      pageInfo: { endCursor: last === undefined ? null : deps.cursors.encode(binding, last), hasNextPage: page.hasNextPage },
      totalCount: () => index.countEligibilityChanges(query, principal.regions),
    };
  };
}

/** The node's other fields are the answer's own, of the enums' values (resolution/period-state.ts decodes them). */
export function eligibilityChangeResolvers(): EligibilityChangeResolvers<DtsenContext, EligibilityChangeNode> {
  return {
    household: (change) => ({ noKK: change.noKK }),
  };
}
