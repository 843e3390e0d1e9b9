import { federatedSubgraphsFrom, loadGatewayConfig } from '../../gateway/config';
import { servedSupergraph } from '../../gateway/supergraph/served-supergraph';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from '../federated/fixtures';
import { SECRETS_ENV } from '../support/env';
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';

// SUBGRAPHS: the subgraphs a deployment federates come from configuration, checked against the registry.

describe('SUBGRAPHS', () => {
  it('when it is unset, then the gateway federates every subgraph of the registry, and serves the committed supergraph as it is', () => {
    const { subgraphs } = loadGatewayConfig(SECRETS_ENV);

    expect({ subgraphs, composedInMs: servedSupergraph(subgraphs).composedInMs }).toEqual({ subgraphs: SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name), composedInMs: null });
  });

  it("when it lists some, then they are taken in the registry's order", () => {
    expect(loadGatewayConfig({ ...SECRETS_ENV, SUBGRAPHS: ' p3ke, dtks ,regsosek' }).subgraphs).toEqual(['dtks', 'regsosek', 'p3ke']);
  });

  it.each(['dtks,bpjs-kesehatan', 'dtks,dtks', 'DTKS'])('when it is %j, then the gateway refuses to start, naming the variable and the registry', (value) => {
    expect(() => federatedSubgraphsFrom(value)).toThrow(/^SUBGRAPHS must be comma-separated names of subgraphs\/registry\.ts \(dtks, regsosek, p3ke, kemendes, bpjs, changes, dtsen/);
  });

  it("when it leaves out a register dtsen's @requires reads, then the gateway refuses to start, naming the variable and the field", () => {
    expect(() => servedSupergraph(['dtks', 'regsosek', 'dtsen'])).toThrow(/^SUBGRAPHS=dtks,regsosek,dtsen does not compose:\nField "Household\.p3keInput" is marked @external/);
  });
});

describe('a gateway started with SUBGRAPHS=dtks,regsosek,p3ke (dtsen left out)', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, subgraphs: ['dtks', 'regsosek', 'p3ke'] });
  });
  afterAll(() => system.stop());

  it('when a register listing is asked for, then it answers', async () => {
    const response = await system.query('{ dtksFamilies(first: 1) { totalCount } regsosekFamilies(first: 1) { totalCount } p3keFamilies(first: 1) { totalCount } }');

    expect(response).toEqual({
      status: 200,
      body: { data: { dtksFamilies: { totalCount: WORLD.dtks.length }, regsosekFamilies: { totalCount: WORLD.regsosek.length }, p3keFamilies: { totalCount: WORLD.p3ke.length } } },
    });
  });

  it("when its schema is read, then a household holds the registers' records and none of dtsen's fields", async () => {
    const response = await system.query('{ __type(name: "Household") { fields { name } } }');

    expect(response).toEqual({ status: 200, body: { data: { __type: { fields: [{ name: 'noKK' }, { name: 'dtks' }, { name: 'p3ke' }, { name: 'regsosek' }] } } } });
  });

  it("when dtsen's household look-up is asked for, then it is refused as a field the schema does not have", async () => {
    const response = await system.query(`{ household(noKK: "${SUTRISNO_KK}") { noKK } }`);

    expect(response).toEqual({
      status: 400,
      body: { errors: [{ message: 'Cannot query field "household" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
  });

  it("when an analyst reads GET /schema, then its contract, composed at start, holds the registers' listings and not dtsen's look-ups", async () => {
    const sdl = await (await fetch(system.gatewayUrl.replace(/\/graphql$/, '/schema'), { headers: { authorization: `Bearer ${await testToken('analyst')}` } })).text();

    expect({ dtksFamilies: sdl.includes('  dtksFamilies('), household: sdl.includes('  household('), statistics: sdl.includes('  statistics(') }).toEqual({ dtksFamilies: true, household: false, statistics: false });
  });
});
