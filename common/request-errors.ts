import type express from 'express';
import { ErrorCode, errorResponseBody } from './errors';

/**
 * Express's default error page is HTML with a stack trace outside production: body errors
 * (malformed JSON, a body over the limit) are answered in GraphQL's error shape instead. Anything
 * else is a bare internal error naming the request id; the request's log line (httpLogging) gets
 * the error itself.
 */
export function requestErrorHandler(
  error: { status?: unknown },
  req: express.Request,
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
  if (status < 500) {
    res.status(status).json(errorResponseBody(message, ErrorCode.BAD_REQUEST));
    return;
  }
  // pino-http logs `res.err` with the request's line.
  (res as unknown as { err?: unknown }).err = error;
  res.status(status).json(errorResponseBody(message, ErrorCode.INTERNAL_SERVER_ERROR, typeof req.id === 'string' ? { requestId: req.id } : {}));
}
