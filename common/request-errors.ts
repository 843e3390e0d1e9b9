import type express from 'express';
import { ErrorCode, errorResponseBody } from './errors';

/**
 * Express's default error page is HTML with a stack trace outside production: body errors
 * (malformed JSON, a body over the limit) are answered in GraphQL's error shape instead.
 */
export function requestErrorHandler(
  error: { status?: unknown },
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    status === 413 ? 'The request body is too large' : status < 500 ? 'The request body is not valid JSON' : 'Internal server error';
  const code = status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
  res.status(status).json(errorResponseBody(message, code));
}
