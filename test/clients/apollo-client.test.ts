import { gql } from '@apollo/client';
import { createDtsenClient, sha256 } from '../../docs/examples/apollo-client';
import { EVALUATION_DATE, generatedWorld } from '../resolution/generated-world';
import { startSystem, type RunningSystem } from '../support/system';
import { fullAccessToken } from '../support/tokens';

const PAGE = gql`
  query FamiliesPage($after: String) {
    regsosekFamilies(filter: { desilMax: 10 }, first: 3, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { noKK }
    }
  }
`;

interface Page {
  regsosekFamilies: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { noKK: string }[] };
}

interface SentRequest {
  readonly withQuery: boolean;
  readonly hash: string | undefined;
  readonly hashIsOfQuery: boolean | undefined;
  readonly status: number;
  readonly codes: string[];
}

describe('Apollo Client set up as docs/clients.md says (docs/examples/apollo-client.ts)', () => {
  let system: RunningSystem;
  let token: string;
  let listing: { noKK: string }[];

  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: generatedWorld(8), evaluationDate: EVALUATION_DATE });
    token = await fullAccessToken();
    const all = await system.query('{ regsosekFamilies(filter: { desilMax: 10 }, first: 100) { nodes { noKK } } }', {}, token);
    listing = (all.body.data?.['regsosekFamilies'] as { nodes: { noKK: string }[] }).nodes;
  });

  afterAll(async () => {
    await system.stop();
  });

  /** A client whose requests are recorded: whether each carried the query text, its hash, the answer's status and codes. */
  function recordingClient() {
    const sent: SentRequest[] = [];
    const client = createDtsenClient({
      uri: system.gatewayUrl,
      token: () => token,
      maskedKeys: false,
      fetch: async (input, init) => {
        const body = JSON.parse(String(init?.body)) as { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
        const response = await fetch(input, init);
        const answer = (await response.clone().json()) as { errors?: { extensions?: { code?: string } }[] };
        const hash = body.extensions?.persistedQuery?.sha256Hash;
        sent.push({
          withQuery: body.query !== undefined,
          hash,
          hashIsOfQuery: body.query === undefined ? undefined : hash === (await sha256(body.query)),
          status: response.status,
          codes: (answer.errors ?? []).map((error) => error.extensions?.code ?? ''),
        });
        return response;
      },
    });
    return { client, sent };
  }

  it('when a listing is read page by page with fetchMore, then the cache holds one list of every family in the listing order, with the last page info', async () => {
    const { client } = recordingClient();
    const observable = client.watchQuery<Page>({ query: PAGE });
    const subscription = observable.subscribe(() => undefined);
    let page = (await client.query<Page>({ query: PAGE })).data;
    for (let pages = 1; page?.regsosekFamilies.pageInfo.hasNextPage && pages < listing.length; pages += 1) {
      page = (await observable.fetchMore({ variables: { after: page.regsosekFamilies.pageInfo.endCursor } })).data;
    }
    subscription.unsubscribe();

    const cached = client.readQuery<Page>({ query: PAGE });

    expect(listing.length).toBeGreaterThan(3);
    expect(cached?.regsosekFamilies).toEqual({
      __typename: 'RegsosekFamilyConnection',
      totalCount: listing.length,
      pageInfo: { __typename: 'PageInfo', endCursor: expect.any(String), hasNextPage: false },
      nodes: listing.map(({ noKK }) => ({ __typename: 'Household', noKK })),
    });
  });

  it('when a household is read through a listing and then looked up, then the cache keeps it once, under its No. KK', async () => {
    const { client } = recordingClient();
    const [family] = listing;
    await client.query<Page>({ query: PAGE });
    await client.query({ query: gql`query One($noKK: String!) { household(noKK: $noKK) { noKK sources } }`, variables: { noKK: family?.noKK } });

    const households = Object.entries(client.cache.extract() as Record<string, unknown>).filter(([key]) => key.startsWith('Household:'));

    expect(households.find(([key]) => key === `Household:{"noKK":"${family?.noKK}"}`)?.[1]).toEqual({
      __typename: 'Household',
      noKK: family?.noKK,
      sources: expect.arrayContaining(['REGSOSEK']),
    });
    expect(households).toHaveLength(3);
  });

  it('when a new operation goes through the persisted-queries link, then the hash alone is refused once, the text registers it, and the next client sends the hash alone', async () => {
    const operation = gql`query RuleSetOnce { ruleSet { version evaluationDate } }`;
    const first = recordingClient();
    const second = recordingClient();

    const answers = [(await first.client.query({ query: operation })).data, (await second.client.query({ query: operation })).data];
    const hash = first.sent[0]?.hash;

    expect({ answers, sent: [...first.sent, ...second.sent] }).toEqual({
      answers: [
        { ruleSet: { __typename: 'RuleSetInfo', version: '2025', evaluationDate: EVALUATION_DATE.toISOString().slice(0, 10) } },
        { ruleSet: { __typename: 'RuleSetInfo', version: '2025', evaluationDate: EVALUATION_DATE.toISOString().slice(0, 10) } },
      ],
      sent: [
        { withQuery: false, hash, hashIsOfQuery: undefined, status: 200, codes: ['PERSISTED_QUERY_NOT_FOUND'] },
        { withQuery: true, hash, hashIsOfQuery: true, status: 200, codes: [] },
        { withQuery: false, hash, hashIsOfQuery: undefined, status: 200, codes: [] },
      ],
    });
  });

  it('when an operation asks for incremental delivery with @defer, then it is refused as an unknown directive', async () => {
    const response = await system.query(`{ ruleSet { version ... @defer { evaluationDate } } }`, {}, token);

    expect(response).toEqual({ status: 400, body: { errors: [{ message: 'Unknown directive "@defer".', locations: [{ line: 1, column: 25 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } });
  });
});
