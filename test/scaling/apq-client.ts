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

/**
 * `{ ruleSet { version } }` behind a comment, `bytes` long in all: a document of any size that
 * parses, validates and runs, since the token limit does not count comments. `tag` makes it unique.
 */
export function paddedQuery(bytes: number, tag: string): string {
  const query = '\n{ ruleSet { version } }';
  const comment = `# ${tag} `;
  return `${comment}${'x'.repeat(bytes - comment.length - query.length)}${query}`;
}

export const RULE_SET_ANSWER = { status: 200, body: { data: { ruleSet: { version: '2025' } } } };
export const PERSISTED_QUERY_NOT_FOUND = { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } };
