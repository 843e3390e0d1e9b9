import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type express from 'express';
import type { Principal } from '../auth/principal';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER, SignatureError, verifySignedRequest } from '../auth/signature';
import { ErrorCode, errorResponseBody } from '../errors';

/** The principal the gateway signed with `raw` (the body's exact bytes), or null once the request was answered 401 saying why (never with header values). */
export function signedPrincipal(secret: string, req: express.Request, res: express.Response, raw: Buffer): Principal | null {
  try {
    return verifySignedRequest(secret, { principal: req.get(PRINCIPAL_HEADER), signature: req.get(SIGNATURE_HEADER) }, raw);
  } catch (error) {
    if (!(error instanceof SignatureError)) throw error;
    res.status(401).json(errorResponseBody(`Request refused: ${error.message}`, ErrorCode.UNAUTHENTICATED));
    return null;
  }
}

/** A body the `json` parser would refuse: the error handler (request-errors.ts) answers it by its status, 400. */
class BodyError extends Error {
  readonly status = 400;
  constructor() {
    super('invalid or incomplete JSON body');
  }
}

const JSON_TYPES: ReadonlySet<string> = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);

/**
 * The gateway's calls, and nothing else, take the short way: a POST to /graphql itself with a
 * declared length within the limit, JSON in UTF-8, not compressed. Anything else (another method
 * or path, a chunked, compressed or over-long body, another charset) is left to Express's parser
 * and routes, which answer it as before.
 */
function isPlainJsonPost(req: express.Request, limit: number): boolean {
  if (req.method !== 'POST') return false;
  const query = req.url.indexOf('?');
  if ((query < 0 ? req.url : req.url.slice(0, query)) !== '/graphql') return false;
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_TYPES.has(type.toLowerCase())) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length > 0 && length <= limit;
}

/**
 * The body's bytes, no more than its declared length (Node's parser delivers no more); null when
 * the client cut it short, after `onAborted` was called: at once, in the same turn as the
 * connection's close, so that the request's log line shows the 400 `express.json` gives an aborted
 * body. A promise, not callbacks, so the rest of the request keeps its async context (its logging
 * scope, request-scope.ts) at no cost.
 */
function readBody(req: express.Request, onAborted: () => void): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      settled = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    const aborted = () => {
      if (settled) return;
      settled = true;
      resolve(null);
      onAborted();
    };
    req.once('aborted', aborted);
    req.once('error', aborted);
  });
}

/** As `express.json` (strict) parses: an object or array, else 400. */
function parsedJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new BodyError();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError();
  }
}

/**
 * POST /graphql for the gateway's calls without Express's JSON parser, its router's later layers
 * or its response helpers, which together cost about a tenth of a register call's CPU (issue 18):
 * the body is read and parsed as `express.json` would, its exact bytes checked against the
 * gateway's signature (401 as before), and handed to Apollo Server's `executeHTTPGraphQLRequest`
 * as @as-integrations/express5 does. It runs behind `httpLogging`, so the request id, its logger
 * and the log line are the same; a body error or a failure goes to the app's error handler. Any
 * other request (isPlainJsonPost) goes on to the routes as before.
 */
export function graphqlPost<Context extends BaseContext>(options: {
  readonly server: ApolloServer<Context>;
  readonly signingSecret: string;
  readonly limit: number;
  readonly context: (req: express.Request, principal: Principal) => Promise<Context>;
}): express.RequestHandler {
  const answer = async (req: express.Request, res: express.Response, raw: Buffer): Promise<void> => {
    const body = parsedJson(raw);
    const principal = signedPrincipal(options.signingSecret, req, res, raw);
    if (principal === null) return;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const response = await options.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url.slice(query), body },
      context: () => options.context(req, principal),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Encoded once: the length is the encoded bytes' and the socket takes them as they are.
      const bytes = Buffer.from(response.body.string, 'utf8');
      res.setHeader('Content-Length', bytes.length);
      res.end(bytes);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return async (req, res, next) => {
    if (!isPlainJsonPost(req, options.limit)) {
      next();
      return;
    }
    try {
      const raw = await readBody(req, () => next(new BodyError()));
      if (raw !== null) await answer(req, res, raw);
    } catch (error) {
      next(error);
    }
  };
}
