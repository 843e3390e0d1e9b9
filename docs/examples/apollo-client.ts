import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy, type TypePolicies } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

// The Apollo Client set-up docs/clients.md describes; test/clients/apollo-client.test.ts runs it
// against a started gateway, so what the page says is what works.

/** Hex SHA-256 of a query text with the Web Crypto API (browsers, Node 20+). */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

interface Listing {
  readonly nodes: readonly unknown[];
}

/**
 * A listing's pages as one list: one cache entry per filter (keyArgs), a page without `after`
 * starting it afresh, each later page's `nodes` appended and its `pageInfo` and `totalCount` kept.
 */
const pagedListing: FieldPolicy<Listing> = {
  keyArgs: ['filter'],
  merge(existing, incoming, { args }) {
    if (!existing || !args?.['after']) return incoming;
    return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
  },
};

/**
 * `maskedKeys`: the token lacks the pii scope (frontend, analyst), so No. KKs and NIKs come masked
 * (`3172********0001`) and two families may share one: keep households and persons inside their
 * parents instead of normalising them by key.
 */
export function dtsenTypePolicies(options: { readonly maskedKeys: boolean }): TypePolicies {
  return {
    Query: {
      fields: { dtksFamilies: pagedListing, regsosekFamilies: pagedListing, p3keFamilies: pagedListing, households: pagedListing },
    },
    Household: { keyFields: options.maskedKeys ? false : ['noKK'] },
    Person: { keyFields: options.maskedKeys ? false : ['nik'] },
    AuditTrail: { keyFields: ['nik'] },
  };
}

export interface DtsenClientOptions {
  /** The gateway's GraphQL endpoint, e.g. https://dtsen.example.go.id/graphql. */
  readonly uri: string;
  /** The caller's current access token (from the identity provider). */
  readonly token: () => string | Promise<string>;
  readonly maskedKeys: boolean;
  readonly fetch?: typeof fetch;
}

export function createDtsenClient(options: DtsenClientOptions): ApolloClient {
  const auth = new SetContextLink(async (context) => ({
    headers: { ...context['headers'], authorization: `Bearer ${await options.token()}` },
  }));
  const persistedQueries = new PersistedQueryLink({ sha256 });
  const http = new HttpLink({ uri: options.uri, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return new ApolloClient({
    link: ApolloLink.from([auth, persistedQueries, http]),
    cache: new InMemoryCache({ typePolicies: dtsenTypePolicies({ maskedKeys: options.maskedKeys }) }),
  });
}
