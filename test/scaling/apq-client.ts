import { createHash } from 'node:crypto';
import type { GraphQLResponse } from '../support/system';

/** The hash a client sends in `extensions.persistedQuery.sha256Hash`: SHA-256 of the query text, hex. */
export function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/**
 * An automatic-persisted-query request to one gateway instance: the hash alone (`query` null) or
 * the hash with the query text, which registers it.
 */
export async function persistedQuery(
  gatewayUrl: string,
  token: string,
  sha256Hash: string,
  query: string | null,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...(query !== null && { query }), variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

/** A plain POST of `query` to one gateway instance. */
export async function post(gatewayUrl: string, token: string, query: string): Promise<number> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  await response.text();
  return response.status;
}
