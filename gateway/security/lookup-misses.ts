import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLObjectType, OperationDefinitionNode } from 'graphql';
import { principalKey } from '../../common/auth/principal';
import { ErrorCode } from '../../common/errors';
import type { GatewayContext } from '../context';
import type { SharedState } from '../shared-state/redis-client';
import { fragmentsOf, selectedFields, type Fragments } from './operation-walk';
import { isRateLimitExempt, principalLimiter, rateLimited } from './rate-limit';

/** The root fields that find one family or person by its key. */
const LOOKUP_FIELDS: ReadonlySet<string> = new Set(['household', 'person']);

const HOUR_SECONDS = 60 * 60;

function lookupKeys(root: GraphQLObjectType, operation: OperationDefinitionNode, fragments: Fragments): string[] {
  return [...selectedFields(root, operation.selectionSet, fragments)].filter((field) => LOOKUP_FIELDS.has(field.fieldName)).map((field) => field.responseKey);
}

/**
 * A look-up by key answers whether a NIK or No. KK exists. A reader who sees a masked key
 * (`3171********0002`) with the member's age and sex could try the few thousand NIKs those allow,
 * a hundred aliased look-ups at a time, until one is found. So each principal may make at most
 * `perHour` look-ups an hour that find nothing it may see (null, or refused outside its regions):
 * an operation with more look-ups than the principal has misses left is refused with RATE_LIMITED
 * before it runs, and its misses are counted when it has run. Someone typing a NIK that is not
 * registered misses a few times an hour; someone guessing misses thousands of times. Service roles
 * (the resolution run) look up only keys the registers listed, and are not counted.
 */
export function lookupMissBudget(perHour: number, shared?: SharedState): ApolloServerPlugin<GatewayContext> {
  const misses = principalLimiter({ points: perHour, duration: HOUR_SECONDS }, 'lookup-misses', shared);

  return {
    async requestDidStart() {
      let lookups: string[] = [];
      return {
        async didResolveOperation({ contextValue, operation, document, schema }) {
          const root = operation && schema.getRootType(operation.operation);
          if (!operation || !root || isRateLimitExempt(contextValue.principal)) return;
          lookups = lookupKeys(root, operation, fragmentsOf(document.definitions));
          if (lookups.length === 0) return;
          const spent = await misses.get(principalKey(contextValue.principal));
          const left = perHour - (spent?.consumedPoints ?? 0);
          if (lookups.length <= left) return;
          throw rateLimited(
            `Too many look-ups that found nothing: at most ${perHour} an hour, ${Math.max(0, left)} left, and this operation makes ${lookups.length}`,
            spent?.msBeforeNext ?? HOUR_SECONDS * 1000,
          );
        },
        async willSendResponse({ contextValue, response }) {
          if (lookups.length === 0 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // A look-up that failed (a register down, a malformed key) found out nothing; one refused
          // outside the principal's regions told it that the key exists: that counts.
          const failed = new Set(
            (errors ?? []).filter((error) => error.path?.length === 1 && error.extensions?.['code'] !== ErrorCode.FORBIDDEN).map((error) => error.path?.[0]),
          );
          const missed = lookups.filter((key) => data?.[key] === null && !failed.has(key)).length;
          if (missed > 0) await misses.penalty(principalKey(contextValue.principal), missed);
        },
      };
    },
  };
}
