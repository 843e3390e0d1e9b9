import { buildStatistics, parseStatisticsArguments } from '../../../resolution/statistics';
import type { DtsenContext } from '../context';
import type { DtsenDependencies } from '../dependencies';
import type { QueryStatisticsArgs } from '../generated/resolvers-types';
import type { StatisticsAnswer } from '../index-answers';
import { createStatisticsCache } from '../statistics-cache';
import { keptPeriod } from '../../../resolution/eligibility-changes';
import { keptPeriods } from './history';
import { indexOf, readIndexStatus } from './index-status';
import { principalWithScope } from './scopes';

/**
 * `Query.statistics`: grouped counts of the index per region at a level, of the families within
 * the principal's regions. Counts carry no personal data, so nothing is masked.
 */
export function statisticsResolver(deps: DtsenDependencies) {
  const cachedStatistics = createStatisticsCache();
  return async (_root: unknown, args: QueryStatisticsArgs, context: DtsenContext): Promise<StatisticsAnswer> => {
    const principal = principalWithScope(context, 'statistics', 'statistics');
    const parsed = parseStatisticsArguments(args.regionPrefix, args.level, principal.regions);
    const period = args.period ?? null;
    if (period !== null) keptPeriod(period, await keptPeriods(deps, context), 'period');
    const status = await readIndexStatus(deps, context);
    const build = async () => buildStatistics(parsed, await indexOf(deps).regionGroups(parsed.regionPrefix, parsed.scope, parsed.digits, period));
    // A kept period's counts are few rows and a re-run replaces them: read, not cached.
    const statistics = period === null ? await cachedStatistics(status.info, parsed, build) : await build();
    return { ...statistics, index: status.info };
  };
}
