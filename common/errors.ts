import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every `extensions.code` a client can see. Clients branch on these, so they are a contract:
 * add codes, never rename them.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** A persisted query registration whose text is larger than the gateway stores; HTTP 400, nothing is stored. */
  PERSISTED_QUERY_TOO_LARGE: 'PERSISTED_QUERY_TOO_LARGE',
  /** A persisted query registration whose `sha256Hash` is not the SHA-256 of its text; HTTP 400, nothing is stored. */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Under TRUSTED_DOCUMENTS=enforce: the caller's organisation has not registered this operation (npm run operations); HTTP 403, nothing runs. */
  OPERATION_NOT_REGISTERED: 'OPERATION_NOT_REGISTERED',
  BAD_REQUEST: 'BAD_REQUEST',
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  /** No token, or a token that is invalid, expired or names no purpose; HTTP 401. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The principal may not read this field or this family. */
  FORBIDDEN: 'FORBIDDEN',
  /** The request cannot be done as asked in the state things are in: an idempotency key used before with another input. Nothing was changed. */
  CONFLICT: 'CONFLICT',
  /** A change request cannot move from its state to the one asked (docs/changes.md, "States"); `extensions.state` is its state. Nothing was changed. */
  INVALID_STATE_TRANSITION: 'INVALID_STATE_TRANSITION',
  /** Too many requests from this principal; HTTP 429, retry after `extensions.retryAfterSeconds`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The gateway is running all it can and the request could not wait its turn; HTTP 503, retry after `extensions.retryAfterSeconds`. */
  OVERLOADED: 'OVERLOADED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * A response body in GraphQL's error shape, for answers given before or instead of execution
 * (refused requests, unreadable bodies, a withheld response): one error with its registry code.
 */
export function errorResponseBody(message: string, code: ErrorCode, extensions: Readonly<Record<string, unknown>> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** A client error about one argument (or input field), naming it in `extensions.argumentName`. */
export function badUserInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName },
  });
}

/** The principal may not read this; `message` says what, never why in internal terms. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** The input clashes with what was done before (an idempotency key reused for another input). */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

/** A change request in `state` cannot take the step asked. */
export function invalidStateTransition(message: string, state: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.INVALID_STATE_TRANSITION, state } });
}

/** No usable identity; thrown before execution, answered with HTTP 401. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/**
 * The `formatError` of every server: errors with a registered code keep their message; anything
 * else (a driver error with SQL, a stack, an internal URL) becomes a bare internal error. Stack
 * traces and other extensions never leave the process.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { locations, path } = formatted;
  if (!isMaskedError(formatted)) {
    const extensions: Record<string, unknown> = { code: formatted.extensions?.['code'] };
    for (const key of ['argumentName', 'source', 'retryAfterSeconds', 'state'] as const) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { message: formatted.message, locations, path, extensions };
  }
  return {
    message: 'Internal server error',
    locations,
    path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Whether `maskError` hides this error behind a bare internal error: the client learns nothing of
 * it, so the operator must (common/logging/error-logging.ts logs it with the request id).
 */
export function isMaskedError(error: { readonly extensions?: Readonly<Record<string, unknown>> }): boolean {
  const code = error.extensions?.['code'];
  return !(typeof code === 'string' && PUBLIC_CODES.has(code)) || code === ErrorCode.INTERNAL_SERVER_ERROR;
}
