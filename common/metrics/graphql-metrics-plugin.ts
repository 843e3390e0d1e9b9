import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';

const OUTCOMES = ['success', 'error'] as const;

function hasErrors(response: GraphQLResponse): boolean {
  const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
  return (result.errors?.length ?? 0) > 0;
}

/**
 * Counts the GraphQL requests Apollo Server runs, by whether the answer carries errors, and times
 * them from parsing to the response. Requests refused before Apollo (an unsigned subgraph call, a
 * token the gateway rejects) are not among them.
 */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin<BaseContext> {
  const requests = new Counter({
    name: 'dtsen_graphql_requests_total',
    help: 'GraphQL requests answered, by outcome: success, or error when the answer carries errors',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  for (const outcome of OUTCOMES) requests.inc({ outcome }, 0);
  const duration = new Histogram({
    name: 'dtsen_graphql_request_duration_seconds',
    help: 'Time from the start of a GraphQL request to its response',
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      return {
        async willSendResponse({ response }) {
          stopTimer();
          requests.inc({ outcome: hasErrors(response) ? 'error' : 'success' });
        },
      };
    },
  };
}
