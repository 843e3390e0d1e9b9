import type { Transport } from '@graphql-mesh/transport-common';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';

/**
 * Hive Gateway's `http` transport for queries and mutations. The runtime loads
 * `@graphql-mesh/transport-http` by name, which only the full `@graphql-hive/gateway` package
 * brings; that package's transport is this same executor (plus subscriptions and header
 * interpolation, which the bench does not use). `fetch` is the runtime's, so every plugin's
 * `onFetch` hook runs on each subgraph request.
 */
export const httpTransport: Transport = {
  getSubgraphExecutor: ({ transportEntry, fetch, getDisposeReason }) =>
    buildHTTPExecutor({
      endpoint: transportEntry.location ?? '',
      ...transportEntry.options,
      ...(getDisposeReason ? { getDisposeReason } : {}),
      ...(fetch ? { fetch } : {}),
    }),
};
