// Issue 18's next step rests on what these show of the federation packages the gateway runs
// (docs/performance.md, "Skipping the registers that do not hold a family"): a register's part of
// a household as an entity that dtsen references, or leaves null where the register does not hold
// the family, is planned as one fetch of that register, and the gateway sends it nothing when every
// reference is null. Two small subgraphs in that shape, composed as `npm run compose` composes.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph } from '../../gateway/supergraph/compose';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@requires", "@external", "@inaccessible"])';

const DTSEN_SDL = `${LINK}
type Query { household(noKK: String!): Household }
type Household @key(fields: "noKK") {
  noKK: String!
  dtks: DtksFamily
  memberNames: [String!]! @requires(fields: "dtks { input { members { name } } }")
}
type DtksFamily @key(fields: "noKK") {
  noKK: String!
  input: DtksFamily @external
  members: [DtksMember!]! @external
}
type DtksMember @external { name: String! }
`;

const DTKS_SDL = `${LINK}
type DtksFamily @key(fields: "noKK") {
  noKK: String!
  address: String!
  members: [DtksMember!]!
  input: DtksFamily @inaccessible
}
type DtksMember { nik: String! name: String! }
`;

/** DTKS holds one family; the index of the toy dtsen says so. */
const HELD = '3171000000000001';
const NOT_HELD = '3171000000000002';

interface DtksFamily {
  noKK: string;
  address: string;
  members: { nik: string; name: string }[];
}

const DTKS_FAMILY: DtksFamily = { noKK: HELD, address: 'Jl. Pemuda No. 1', members: [{ nik: '3171000000000011', name: 'Siti' }] };

interface Requires {
  dtks: { input: { members: { name: string }[] } | null } | null;
}

const dtsenResolvers = {
  Query: { household: (_root: unknown, args: { noKK: string }) => ({ noKK: args.noKK }) },
  Household: {
    dtks: (household: { noKK: string }) => (household.noKK === HELD ? { noKK: household.noKK } : null),
    memberNames: (household: Requires) => household.dtks?.input?.members.map((member) => member.name) ?? [],
  },
};

const dtksResolvers = {
  DtksFamily: {
    __resolveReference: (reference: { noKK: string }) => (reference.noKK === HELD ? DTKS_FAMILY : null),
    input: (family: DtksFamily) => family,
  },
};

function counting(counter: { requests: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      counter.requests += 1;
    },
  };
}

describe('a register part that dtsen references (issue 18, the next step)', () => {
  const dtksCalls = { requests: 0 };
  const servers: ApolloServer[] = [];
  let gateway: ApolloServer;

  beforeAll(async () => {
    const subgraphs = [
      { typeDefs: parse(DTSEN_SDL), resolvers: dtsenResolvers, plugins: [] as ApolloServerPlugin[] },
      { typeDefs: parse(DTKS_SDL), resolvers: dtksResolvers, plugins: [counting(dtksCalls)] },
    ];
    const urls: string[] = [];
    for (const subgraph of subgraphs) {
      const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers as never }), plugins: [ApolloServerPluginInlineTraceDisabled(), ...subgraph.plugins] });
      servers.push(server);
      urls.push((await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url);
    }
    const composed = composeSupergraph([
      { name: 'dtsen', url: urls[0] as string, sdl: DTSEN_SDL },
      { name: 'dtks', url: urls[1] as string, sdl: DTKS_SDL },
    ]);
    if (!composed.ok) throw new Error(composed.errors.join('; '));
    gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway.stop();
    for (const server of servers) await server.stop();
  });

  async function lookUp(noKK: string): Promise<unknown> {
    const response = await gateway.executeOperation({
      query: 'query LookUp($noKK: String!) { household(noKK: $noKK) { noKK memberNames dtks { address members { name } } } }',
      variables: { noKK },
    });
    return response.body.kind === 'single' ? response.body.singleResult : response.body;
  }

  it('when DTKS holds the family, then one DTKS call answers both the client fields and dtsen\'s inputs', async () => {
    dtksCalls.requests = 0;
    expect(await lookUp(HELD)).toEqual({
      data: { household: { noKK: HELD, memberNames: ['Siti'], dtks: { address: 'Jl. Pemuda No. 1', members: [{ name: 'Siti' }] } } },
    });
    expect(dtksCalls.requests).toBe(1);
  });

  it('when dtsen leaves the reference null, then DTKS is not called and the household still resolves', async () => {
    dtksCalls.requests = 0;
    expect(await lookUp(NOT_HELD)).toEqual({ data: { household: { noKK: NOT_HELD, memberNames: [], dtks: null } } });
    expect(dtksCalls.requests).toBe(0);
  });
});
