import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../common/auth/principal';
import type { RateLimit } from '../security/rate-limit';
import { authenticate } from './authenticate';
import type { TokenVerifier } from './verifier';

const principals = new WeakMap<Request, Principal>();

/**
 * For the plain HTTP routes (the CSV export): the same bearer token and rate limit as /graphql,
 * answered in GraphQL's error shape with 401 or 429 when they fail.
 */
export function requireToken(verifier: TokenVerifier, rateLimit: RateLimit) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const authentication = await authenticate(verifier, req.headers, null);
      if ('error' in authentication) throw authentication.error;
      await rateLimit(authentication.principal);
      principals.set(req, authentication.principal);
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
