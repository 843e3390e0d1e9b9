import cors from 'cors';
import type { RequestHandler } from 'express';
import { INDEX_WARNING_HEADER } from '../export/households-csv';

/**
 * CORS headers for the configured origins only; with none configured no CORS header is ever sent,
 * so browsers keep other sites' pages from reading answers. The same allow-list guards /graphql
 * and the CSV export, in front of the token check so that a browser's preflight (which never
 * carries the token) is answered.
 */
export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      // Apollo Client sends these when an app names itself (clientAwareness).
      'apollographql-client-name',
      'apollographql-client-version',
    ],
    // A browser app reads these only when exposed: when to retry a 429/503, the id to quote in a
    // support request, and the export's warning that the index is missing or stale.
    exposedHeaders: ['retry-after', 'x-request-id', INDEX_WARNING_HEADER],
    maxAge: 600,
  });
}
