import { hasScope, type Principal } from '../../../common/auth/principal';
import { badUserInput, forbidden } from '../../../common/errors';
import { parseFirst, parseRegionPrefix } from '../../../common/pagination';
import { isPeriod } from '../../../common/period';
import { regionPrefixes } from '../../../common/subgraph/access';
import type { ChangeRequestFilter, QueryResolvers } from '../generated/resolvers-types';
import type { ChangeListing } from '../repository';
import { served } from './served';

/**
 * The listing needs the search scope; a partner, limited to its programmes, reads its programmes'
 * requests with the lookup scope it has (docs/changes.md, "Reading").
 */
function mayList(principal: Principal): boolean {
  return hasScope(principal, 'search') || (principal.programmes !== null && hasScope(principal, 'lookup'));
}

function listingOf(principal: Principal, filter: ChangeRequestFilter | null | undefined): ChangeListing {
  const period = filter?.period ?? null;
  if (period !== null && !isPeriod(period)) throw badUserInput(`filter.period must be a period as YYYY-MM, got "${period}"`, 'filter.period');
  return {
    readerRegions: regionPrefixes(principal),
    readerProgrammes: principal.programmes,
    regionPrefix: parseRegionPrefix(filter?.regionPrefix),
    state: filter?.state ?? null,
    kind: filter?.kind ?? null,
    period,
    program: filter?.program ?? null,
  };
}

export const Query: QueryResolvers = {
  changeRequests: async (_root, args, context) => {
    if (!mayList(context.principal)) throw forbidden('Listing change requests needs the search scope');
    const first = parseFirst(args.first);
    const listing = listingOf(context.principal, args.filter);
    const binding = { listing: 'changeRequests', filter: args.filter ?? null };
    const position = context.cursors.decode(binding, args.after);
    // The position is (created at, id): the listing runs oldest first, an order that says nothing of the families.
    const page = await context.repository.page(listing, position === null ? null : { createdAt: position.listingKey, id: position.noKK }, first);
    const last = page.records.at(-1);
    return {
      nodes: served(context, page.records),
      pageInfo: { endCursor: last === undefined ? null : context.cursors.encode(binding, { listingKey: last.createdAt, noKK: last.id }), hasNextPage: page.hasNextPage },
      totalCount: () => context.repository.count(listing),
    };
  },
};
