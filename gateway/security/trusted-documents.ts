import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../common/errors';
import { requestLoggingOf } from '../../common/logging/http-logging';
import { answerRefusal, principalOf } from '../auth/http-auth';
import { requestOperationName } from '../auth/operation-name';
import type { GatewayContext } from '../context';
import { documentHash, type TrustedDocumentStore } from '../trusted-documents/manifests';
import { trustedDocumentModeOf, type TrustedDocumentModes } from '../trusted-documents/modes';

/** How a /graphql request names its document: its text, or an id (a persisted query's hash or `documentId`). */
interface RequestedDocument {
  readonly query: string | undefined;
  readonly id: string | undefined;
}

/**
 * As Apollo Server reads them: from the JSON body of a POST, from the URL of a GET (each
 * parameter once, extensions as JSON). `documentId` is the GraphQL over HTTP persisted documents
 * field (Hive, GraphQL Yoga); Apollo clients send `extensions.persistedQuery.sha256Hash`.
 */
function requestedDocument(method: string, search: string, body: unknown): RequestedDocument {
  let fields: Record<string, unknown>;
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    const once = (name: string) => (params.getAll(name).length === 1 ? (params.get(name) ?? undefined) : undefined);
    let extensions: unknown;
    try {
      extensions = JSON.parse(once('extensions') ?? 'null');
    } catch {
      extensions = null;
    }
    fields = { query: once('query'), documentId: once('documentId'), extensions };
  } else {
    fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  }
  const extensions = typeof fields['extensions'] === 'object' && fields['extensions'] !== null ? (fields['extensions'] as Record<string, unknown>) : {};
  const persistedQuery = typeof extensions['persistedQuery'] === 'object' && extensions['persistedQuery'] !== null ? (extensions['persistedQuery'] as Record<string, unknown>) : {};
  const hash = persistedQuery['sha256Hash'];
  const documentId = fields['documentId'];
  return {
    query: typeof fields['query'] === 'string' ? fields['query'] : undefined,
    id: typeof hash === 'string' ? hash : typeof documentId === 'string' ? documentId : undefined,
  };
}

export interface TrustedDocuments {
  /**
   * After the token: under `enforce` answers an operation the caller's organisation has not
   * registered with OPERATION_NOT_REGISTERED (HTTP 403) before Apollo parses it; under `log` lets
   * it run and logs its operation name and hash (no variables, no text: they can hold NIKs).
   */
  readonly checkRequest: RequestHandler;
  /** Runs a registered operation sent by its id alone: Apollo then sees its text as if the client had sent it. */
  readonly plugin: ApolloServerPlugin<GatewayContext>;
}

/**
 * Trusted documents (docs/partners.md, "Registering operations"): a request is trusted when the
 * SHA-256 of its text, or the id it sends instead, is an operation its organisation registered.
 */
export function trustedDocuments(store: TrustedDocumentStore, modes: TrustedDocumentModes): TrustedDocuments {
  return {
    checkRequest: (req, res, next) => {
      const principal = principalOf(req);
      const mode = trustedDocumentModeOf(principal.roles, modes);
      if (mode === 'off') {
        next();
        return;
      }
      const { query, id } = requestedDocument(req.method, new URL(req.url, 'http://gateway').search, req.body);
      const hash = query === undefined ? id : documentHash(query);
      if (hash !== undefined && store.find(principal.organisation, hash)) {
        next();
        return;
      }
      if (mode === 'log') {
        requestLoggingOf(req).logger.warn(
          { trustedDocuments: { operationName: requestOperationName(req), documentHash: hash ?? null, organisation: principal.organisation } },
          'operation not registered for its organisation',
        );
        next();
        return;
      }
      answerRefusal(
        res,
        new GraphQLError(`This operation is not registered for your organisation: register it with npm run operations -- register, then send it or its id`, {
          extensions: { code: ErrorCode.OPERATION_NOT_REGISTERED },
        }),
        403,
      );
    },
    plugin: {
      async requestDidStart({ request, contextValue }) {
        if (request.query !== undefined || !request.http) return;
        const { id } = requestedDocument(request.http.method, request.http.search, request.http.body);
        const registered = id === undefined ? undefined : store.find(contextValue.principal.organisation, id);
        if (!registered) return;
        // Without the extension Apollo neither looks the id up in nor stores the text in the APQ cache.
        const { persistedQuery: _persistedQuery, ...extensions } = request.extensions ?? {};
        request.query = registered.body;
        request.extensions = extensions;
      },
    },
  };
}
