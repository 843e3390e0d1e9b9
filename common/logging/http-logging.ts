import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { isOperationsPath } from '../operations-paths';
import type { Logger } from './logger';
import { runInRequestScope } from './request-scope';

/** The header a request id travels in: from the client to the gateway, back to it, and on to the subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A client's id is kept when it could have come from a tracing proxy or a UUID generator; anything
 * longer or with other characters could forge log lines or fill them, and is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function saneRequestId(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value) ? value : null;
}

/** What every GraphQL context carries for logging: the request's id and its logger, bound to that id. */
export interface RequestLogging {
  readonly requestId: string;
  readonly logger: Logger;
}

const pathOf = (req: IncomingMessage): string => ((req as Partial<Request>).originalUrl ?? req.url ?? '').split('?')[0] ?? '';

/**
 * The first middleware of every service: gives each request its id (the client's `x-request-id`
 * when sane, else a fresh UUID), answers it in the same header whatever the outcome, binds a child
 * logger to it (`requestLoggingOf`), and writes one line per finished request: method, path,
 * status and time. Query strings are left out (a GET's variables may hold NIKs), and so are the
 * credential headers (REDACTED_PATHS). The rest of the request runs in its logging scope
 * (request-scope.ts), so that a slow store statement is logged with the request's id.
 */
export function httpLogging(logger: Logger): RequestHandler {
  const logRequest = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = saneRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    serializers: {
      req: (req: { method: string; headers: Record<string, unknown>; remoteAddress?: string; raw: IncomingMessage }) => ({
        method: req.method,
        path: pathOf(req.raw),
        headers: req.headers,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => isOperationsPath(pathOf(req)) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} in ${ms} ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode} failed`,
  }) as unknown as RequestHandler;
  return (req, res, next) => logRequest(req, res, (error?: unknown) => runInRequestScope(requestLoggingOf(req).logger, () => next(error)));
}

/** The id and logger `httpLogging` gave the request; a route without it is a wiring bug. */
export function requestLoggingOf(req: IncomingMessage): RequestLogging {
  const { id, log } = req as Partial<Pick<IncomingMessage, 'id' | 'log'>>;
  if (typeof id !== 'string' || !log) throw new Error('requestLoggingOf: the route is not behind httpLogging');
  return { requestId: id, logger: log };
}
