/** A GraphQL client of the gateway: the resolution reads nothing but what any client can ask. */
export interface GatewayClient {
  query<Data>(query: string, variables?: Record<string, unknown>): Promise<Data>;
}

interface GraphQLBody<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly { readonly message?: string; readonly extensions?: { readonly code?: string } }[];
}

/** `token`: a bearer token of the indexer role (lookup, search, pii, sensitive: the index must hold the full resolution). */
export function createGatewayClient(url: string, token: string, signal?: AbortSignal): GatewayClient {
  return {
    async query<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        ...(signal ? { signal } : {}),
      });
      const body = (await response.json()) as GraphQLBody<Data>;
      // A partial answer (a register unreachable) would store a wrong resolution: refuse it.
      if (body.errors && body.errors.length > 0) {
        const problems = body.errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message ?? ''}`);
        throw new Error(`The gateway answered with errors: ${[...new Set(problems)].join('; ')}`);
      }
      if (!response.ok || !body.data) throw new Error(`The gateway answered HTTP ${response.status} without data`);
      return body.data;
    },
  };
}
