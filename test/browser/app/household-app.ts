// The browser app of a frontend team, as small as it can be: Apollo Client with automatic
// persisted queries (SHA-256 by the browser's crypto.subtle) and a bearer token, and a CSV download
// with fetch. The test bundles it with esbuild and drives it in Chromium through `globalThis.householdApp`.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

export const HOUSEHOLD = gql`
  query Household($noKK: String!) {
    household(noKK: $noKK) {
      noKK
      sources
      desil {
        value
        source
      }
      members {
        nik
        name
        age
      }
      eligibility {
        program
        eligible
        estimatedAnnualBenefit
      }
    }
  }
`;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What the page hands back to the test: plain JSON, errors as their name and message. */
type Outcome<T> = { readonly ok: T } | { readonly error: { readonly name: string; readonly message: string } };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'unknown', message: String(error) } };
  }
}

function createApp(gatewayUrl: string, token: string) {
  const client = new ApolloClient({
    link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: gatewayUrl, headers: { authorization: `Bearer ${token}` } })),
    cache: new InMemoryCache(),
    clientAwareness: { name: 'dtsen-browser-test', version: '1.0.0' },
  });
  return {
    lookUpHousehold: (noKK: string) =>
      outcome(async () => (await client.query({ query: HOUSEHOLD, variables: { noKK }, fetchPolicy: 'network-only' })).data),
    downloadExport: (query: string) =>
      outcome(async () => {
        const response = await fetch(`${new URL(gatewayUrl).origin}/export/households.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
        return {
          status: response.status,
          contentType: response.headers.get('content-type'),
          indexWarning: response.headers.get('x-index-warning'),
          body: await response.text(),
        };
      }),
  };
}

export type HouseholdApp = ReturnType<typeof createApp>;

Object.assign(globalThis, { createHouseholdApp: createApp });
