import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../common/errors';
import { answerRefusal } from '../auth/http-auth';
import { RedisPersistedQueryCache } from '../shared-state/redis-apq-cache';
import type { SharedState } from '../shared-state/redis-client';
import { entryBytes, type PersistedQueryLimits } from './limits';
import { MemoryPersistedQueryCache } from './memory-cache';
import type { Logger } from '../../common/logging/logger';

/**
 * A registration stores up to 64 KiB for a day, where a plain request stores nothing: besides the
 * request's own point it costs one per started KiB of its text. A client registering its 1 KiB
 * operations pays 2 points for each, once a day. One token at the default 600 points a minute
 * registers at most about 600 KiB a minute, so alone it needs nearly half an hour to cycle the
 * 16 MiB budget, and a query used more often than that is never the least recently used.
 */
export const REGISTRATION_BYTES_PER_POINT = 1024;

/** What a request asks of the persisted queries, read before Apollo runs it. */
export interface PersistedQueryRequest {
  /** Rate-limit points of the request: 1, plus one per started KiB of a registration's text. */
  readonly points: number;
  /** The client error (HTTP 400) to answer instead of running the request, or null. */
  readonly refusal: GraphQLError | null;
}

export interface PersistedQueries {
  /** Apollo Server's `persistedQueries.cache`: in Redis with shared state, else in process memory; bounded by bytes either way. */
  readonly cache: RedisPersistedQueryCache | MemoryPersistedQueryCache;
  /**
   * Reads the request's `extensions.persistedQuery`. A registration (`query` with a hash: Apollo
   * stores every one) costs rate-limit points by its size, and is refused (PERSISTED_QUERY_TOO_LARGE,
   * PERSISTED_QUERY_HASH_MISMATCH) before Apollo would store it; a refused one costs one point.
   */
  readonly inspect: (req: Request) => PersistedQueryRequest;
  /** Answers a request `inspect` refuses with its client error (HTTP 400), after its token and points were counted; passes the others on. */
  readonly refuseInvalid: RequestHandler;
}

/**
 * Automatic persisted queries, one entry point: the bounded cache Apollo stores them in, and what
 * a request registering one costs and may register (docs/scaling.md, "Persisted queries").
 */
export function createPersistedQueries(limits: PersistedQueryLimits, sharedState: SharedState | undefined, logger: Logger): PersistedQueries {
  // A registration must always fit, or the cache would forget everything for it and still not keep it.
  if (limits.budgetBytes < entryBytes(limits.maxQueryBytes)) throw new Error('The persisted query budget must hold at least one query of the largest size');
  const cache = sharedState ? new RedisPersistedQueryCache(sharedState.redis, sharedState.keyPrefix, limits, logger) : new MemoryPersistedQueryCache(limits);
  // Read once per request: the rate limit asks what it costs, and the request is refused or run after.
  const inspected = new WeakMap<Request, PersistedQueryRequest>();
  const inspect = (req: Request): PersistedQueryRequest => {
    const { query, persistedQuery } = persistedQueryFields(req);
    if (persistedQuery === undefined) return { points: 1, refusal: null };
    if (persistedQuery?.['version'] !== 1) return refused('Unsupported persisted query version: send version 1', ErrorCode.BAD_REQUEST);
    if (typeof query !== 'string') return { points: 1, refusal: null };
    const bytes = Buffer.byteLength(query);
    if (bytes > limits.maxQueryBytes) {
      return refused(`A persisted query may be at most ${limits.maxQueryBytes} bytes; this one has ${bytes}: send it without the persistedQuery extension`, ErrorCode.PERSISTED_QUERY_TOO_LARGE);
    }
    if (persistedQuery['sha256Hash'] !== createHash('sha256').update(query).digest('hex')) {
      return refused('The persistedQuery sha256Hash is not the SHA-256 (hex) of the query text', ErrorCode.PERSISTED_QUERY_HASH_MISMATCH);
    }
    return { points: 1 + Math.max(1, Math.ceil(bytes / REGISTRATION_BYTES_PER_POINT)), refusal: null };
  };
  const inspectOnce = (req: Request): PersistedQueryRequest => {
    const known = inspected.get(req);
    if (known) return known;
    const request = inspect(req);
    inspected.set(req, request);
    return request;
  };
  return {
    cache,
    inspect: inspectOnce,
    refuseInvalid: (req, res, next) => {
      const { refusal } = inspectOnce(req);
      if (refusal) answerRefusal(res, refusal, 400);
      else next();
    },
  };
}

function refused(message: string, code: ErrorCode): PersistedQueryRequest {
  return { points: 1, refusal: new GraphQLError(message, { extensions: { code, http: { status: 400 } } }) };
}

/**
 * `query` and `extensions.persistedQuery` as Apollo Server reads them: from the JSON body of a
 * POST, from the URL of a GET (each parameter given once, extensions as JSON). `persistedQuery`
 * is undefined when the request has none, null when it has one that is not an object.
 */
function persistedQueryFields(req: Request): { query: unknown; persistedQuery: Record<string, unknown> | null | undefined } {
  let query: unknown;
  let extensions: unknown;
  if (req.method === 'GET') {
    const search = new URL(req.url, 'http://gateway').searchParams;
    const once = (name: string) => (search.getAll(name).length === 1 ? search.get(name) : null);
    query = once('query') ?? undefined;
    try {
      extensions = JSON.parse(once('extensions') ?? 'null');
    } catch {
      extensions = null;
    }
  } else {
    ({ query, extensions } = (req.body ?? {}) as { query?: unknown; extensions?: unknown });
  }
  if (typeof extensions !== 'object' || extensions === null) return { query, persistedQuery: undefined };
  const persistedQuery = (extensions as Record<string, unknown>)['persistedQuery'];
  // Apollo Server ignores a falsy persistedQuery and refuses any other that is not an object of version 1.
  if (!persistedQuery) return { query, persistedQuery: undefined };
  return { query, persistedQuery: typeof persistedQuery === 'object' && persistedQuery !== null ? (persistedQuery as Record<string, unknown>) : null };
}
