import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../common/auth/principal';
import type { Admission } from './authenticate';

const principals = new WeakMap<Request, Principal>();

/**
 * For the plain HTTP routes (the CSV export): the same bearer token and rate limit as /graphql,
 * answered in GraphQL's error shape with 401 or 429 when they fail.
 */
export function requireToken(admit: Admission) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      principals.set(req, await admit(req.headers, null));
      next();
    } catch (error) {
      if (!(error instanceof GraphQLError)) {
        next(error);
        return;
      }
      const http = error.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
      for (const [name, value] of http?.headers ?? []) res.set(name, value);
      const { http: _http, ...extensions } = error.extensions;
      res.status(http?.status ?? 401).json({ errors: [{ message: error.message, extensions }] });
    }
  };
}

/** The principal `requireToken` verified for this request; a route without it is a wiring bug. */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (!principal) throw new Error('principalOf: the route is not behind requireToken');
  return principal;
}
