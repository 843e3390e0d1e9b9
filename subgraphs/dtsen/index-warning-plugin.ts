import type { ApolloServerPlugin } from '@apollo/server';
import type { DtsenContext } from './context';

/**
 * Answers read from a missing or stale resolution index say so: `households` and `statistics`
 * record the index status in the request state (or the dtsen service's answer carried its warning),
 * and this copies the warning into the response's `extensions.indexWarning`
 * (`{ code: INDEX_MISSING | INDEX_STALE, message }`). The dtsen service runs it too, so its answers
 * carry the warning to the gateway.
 */
export function indexWarningPlugin(): ApolloServerPlugin<DtsenContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const warning = contextValue.dtsen.index.status?.warning ?? contextValue.dtsen.index.forwarded;
          if (!warning || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, indexWarning: warning };
        },
      };
    },
  };
}
