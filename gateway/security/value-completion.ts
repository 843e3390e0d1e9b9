import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestLogging } from '../../common/logging/http-logging';

const EXTENSION = 'valueCompletion';

/**
 * Apollo Gateway reports in `extensions.valueCompletion` a non-null field its result shaping found
 * missing, and nulls the nearest nullable parent. That happens by design where dtsen references a
 * register's record the register then does not hold (`Household.kemendes` of a family the index
 * lacks): the record is null, as the schema allows. The entries carry no code of common/errors.ts
 * and name the gateway's internals, so they are logged (paths and messages: field names, no
 * values) and left out of the answer.
 */
export function valueCompletionPlugin<Context extends RequestLogging>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const entries = result.extensions?.[EXTENSION];
          if (entries === undefined) return;
          contextValue.logger.debug({ valueCompletion: entries }, 'non-null fields missing from subgraph answers, their parents answered null');
          const { [EXTENSION]: _dropped, ...rest } = result.extensions ?? {};
          result.extensions = Object.keys(rest).length > 0 ? rest : undefined;
        },
      };
    },
  };
}
