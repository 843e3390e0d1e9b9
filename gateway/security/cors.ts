import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS headers for the configured origins only; with none configured no CORS header is ever sent,
 * so browsers keep other sites' pages from reading answers.
 */
export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
    maxAge: 600,
  });
}
