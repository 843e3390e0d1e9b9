import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal } from '../../common/auth/principal';
import { signedJsonHeaders, testPrincipal } from '../support/principals';

export interface Listening {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/** Listens on a free port. */
export async function listen(app: { listen: (port: number) => Server }): Promise<Listening> {
  const server = app.listen(0);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs a GraphQL operation as JSON to `<origin>/graphql`. */
export async function postGraphQL(origin: string, query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

/** The position of the first `text` in a one-line `query`, as GraphQL error locations give it. */
export function locationOf(query: string, text: string): { line: number; column: number } {
  const index = query.indexOf(text);
  if (index < 0 || query.includes('\n')) throw new Error(`"${text}" is not in the one-line query`);
  return { line: 1, column: index + 1 };
}

/** POSTs a GraphQL operation to a subgraph's `/graphql`, signed with its `key` for `principal` as the gateway signs it. */
export async function postSignedGraphQL(
  key: string,
  origin: string,
  query: string,
  variables?: Record<string, unknown>,
  principal: Principal = testPrincipal('indexer'),
): Promise<HttpAnswer> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: signedJsonHeaders(key, body, principal), body });
  return { status: response.status, body: await response.json() };
}
