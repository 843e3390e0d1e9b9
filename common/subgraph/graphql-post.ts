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

/** A request the `json` parser refuses: the error handler (request-errors.ts) answers it by its status. */
class BodyError extends Error {
  constructor(readonly status: number) {
    super(status === 413 ? 'request entity too large' : 'invalid JSON body');
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

/** The body's bytes, as declared by its length (Node's parser delivers no more than that). */
function readBody(req: express.Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) reject(new BodyError(413));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

/** As `express.json` (strict) parses: an object or array, else 400. */
function parsedJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new BodyError(400);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400);
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
  return async (req, res, next) => {
    if (!isPlainJsonPost(req, options.limit)) {
      next();
      return;
    }
    try {
      const raw = await readBody(req, options.limit);
      const body = parsedJson(raw);
      const principal = signedPrincipal(options.signingSecret, req, res, raw);
      if (principal === null) return;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const query = req.url.indexOf('?');
      const answer = await options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url.slice(query), body },
        context: () => options.context(req, principal),
      });
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        // Encoded once: the length is the encoded bytes' and the socket takes them as they are.
        const bytes = Buffer.from(answer.body.string, 'utf8');
        res.setHeader('Content-Length', bytes.length);
        res.end(bytes);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}
