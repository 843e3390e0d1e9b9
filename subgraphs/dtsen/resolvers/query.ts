import { badUserInput } from '../../../common/errors';
import { isSixteenDigits } from '../../../common/identifiers';
import { requestState } from '../context';
import type { DtsenDependencies } from '../dependencies';
import { isoDate } from '../domain/ages';
import type { QueryResolvers } from '../generated/resolvers-types';
import { eligibilityChangesResolver } from './eligibility-changes';
import { householdsResolver } from './households';
import { principalWithScope } from './scopes';
import { statisticsResolver } from './statistics';

export function queryResolvers(deps: DtsenDependencies): QueryResolvers {
  return {
    async household(_root, args, context) {
      principalWithScope(context, 'lookup', 'household');
      if (!isSixteenDigits(args.noKK)) throw badUserInput('noKK must be 16 digits', 'noKK');
      const held = await requestState(context).loaders.householdHeld.load(args.noKK);
      return held ? { noKK: args.noKK } : null;
    },
    async person(_root, args, context) {
      principalWithScope(context, 'lookup', 'person');
      if (!isSixteenDigits(args.nik)) throw badUserInput('nik must be 16 digits', 'nik');
      const held = await requestState(context).loaders.personHeld.load(args.nik);
      return held ? { nik: args.nik } : null;
    },
    ruleSet() {
      return { version: deps.ruleSet.version, evaluationDate: isoDate(deps.evaluationDate) };
    },
    households: householdsResolver(deps),
    statistics: statisticsResolver(deps),
    eligibilityChanges: eligibilityChangesResolver(deps),
    /** The key only: the register subgraphs contribute the entries, each checking the audit scope itself. */
    auditTrail(_root, args, context) {
      principalWithScope(context, 'audit', 'auditTrail');
      if (!isSixteenDigits(args.nik)) throw badUserInput('nik must be 16 digits', 'nik');
      return { nik: args.nik };
    },
  };
}
