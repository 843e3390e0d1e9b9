import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

/**
 * A GraphQL client of the gateway: the resolution reads nothing but what any client can ask, with
 * documents typed by GraphQL Code Generator over schema/api.graphql (generated/graphql).
 */
export interface GatewayClient {
  query<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data>;
}

interface GraphQLError {
  readonly message?: string;
  readonly extensions?: { readonly code?: string; readonly argumentName?: string };
}

interface GraphQLBody<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly GraphQLError[];
}

/** The gateway answered with errors; `refused(argument)` tells whether it refused that argument as bad input. */
export class GatewayAnswerError extends Error {
  constructor(private readonly errors: readonly GraphQLError[]) {
    const problems = errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message ?? ''}`);
    super(`The gateway answered with errors: ${[...new Set(problems)].join('; ')}`);
  }

  /** Whether every error is a register the gateway could not ask: worth asking again later. */
  unavailableOnly(): boolean {
    return this.errors.length > 0 && this.errors.every((error) => error.extensions?.code === 'SOURCE_UNAVAILABLE');
  }

  refused(argument: string): boolean {
    return this.errors.some((error) => error.extensions?.code === 'BAD_USER_INPUT' && error.extensions.argumentName === argument);
  }
}

/** `token`: a bearer token of the indexer role (lookup, search, pii, sensitive: the index must hold the full resolution). */
export function createGatewayClient(url: string, token: string, signal?: AbortSignal): GatewayClient {
  const texts = new WeakMap<DocumentNode, string>();
  const textOf = (document: DocumentNode): string => {
    const text = texts.get(document) ?? print(document);
    texts.set(document, text);
    return text;
  };
  return {
    async query<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
      const query = textOf(document);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        ...(signal ? { signal } : {}),
      });
      const body = (await response.json()) as GraphQLBody<Data>;
      // A partial answer (a register unreachable) would store a wrong resolution: refuse it.
      if (body.errors && body.errors.length > 0) throw new GatewayAnswerError(body.errors);
      if (!response.ok || !body.data) throw new Error(`The gateway answered HTTP ${response.status} without data`);
      return body.data;
    },
  };
}
