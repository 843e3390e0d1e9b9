import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../common/auth/principal';
import { requestLoggingOf } from '../../common/logging/http-logging';
import type { Admission } from './authenticate';

const principals = new WeakMap<Request, Principal>();

export interface RequireTokenOptions {
  /** The operation the request will run, for the audit trail (`operationNameOf` its body); default: none. */
  readonly operationOf?: (req: Request) => string | null;
  /** What the request costs against the rate limit (default 1; a persisted query registration costs more). */
  readonly pointsOf?: (req: Request) => number;
}

/**
 * The bearer token and rate limit of every /graphql request and of the CSV export, checked before
 * a request may take or wait for a slot of the concurrency limit, so that no anonymous request
 * ever holds one. A refusal is answered in GraphQL's error shape with 401 or 429 (and Retry-After).
 * A failure other than the token's (a JWKS endpoint down) is logged on the request's logger; the
 * client gets a bare 500.
 */
export function requireToken(admit: Admission, options: RequireTokenOptions = {}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      principals.set(req, await admit(req.headers, options.operationOf?.(req) ?? null, options.pointsOf?.(req) ?? 1));
      next();
    } catch (error) {
      if (!(error instanceof GraphQLError)) {
        requestLoggingOf(req).logger.error({ err: error }, 'authentication failed');
        next(error);
        return;
      }
      answerRefusal(res, error, 401);
    }
  };
}

/** Answers a request refused before execution with the error's HTTP status and headers (else `status`), in GraphQL's error shape. */
export function answerRefusal(res: Response, error: GraphQLError, status: number): void {
  const http = error.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) res.set(name, value);
  const { http: _http, ...extensions } = error.extensions;
  res.status(http?.status ?? status).json({ errors: [{ message: error.message, extensions }] });
}

/** The principal `requireToken` verified for this request; a route without it is a wiring bug. */
export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  if (!principal) throw new Error('principalOf: the route is not behind requireToken');
  return principal;
}
