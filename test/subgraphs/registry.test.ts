import { REGISTERS } from '../../common/store-url';
import { REGISTER_SUBGRAPHS, STORED_SUBGRAPHS, SUBGRAPH_REGISTRY, subgraphNamed } from '../../subgraphs/registry';

describe('subgraphs/registry.ts', () => {
  it('when the registers dtsen reads are listed in common/store-url.ts, then they are exactly the registry\'s registers', () => {
    // common/ may not import subgraphs/, so the union is written out there and held to the registry here.
    expect(REGISTER_SUBGRAPHS.map((subgraph) => subgraph.name).sort()).toEqual([...REGISTERS].sort());
  });

  it('when a stored subgraph is loaded, then its parts name its own SDL\'s types, and its store holds its tables', async () => {
    const loaded = await Promise.all(
      STORED_SUBGRAPHS.map(async (subgraph) => {
        const parts = await subgraph.load();
        return { name: subgraph.name, familyTable: parts.layout.family.options.tableName, hasResolvers: Object.keys(parts.resolvers).includes('Query') };
      }),
    );

    expect(loaded).toEqual(STORED_SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, familyTable: `${subgraph.name}_family`, hasResolvers: true })));
  });

  it('when a name the registry lacks is asked for, then the error names the ones it has', () => {
    expect(() => subgraphNamed('kemendikbud')).toThrow(`Unknown subgraph "kemendikbud"; the registry has ${SUBGRAPH_REGISTRY.map((subgraph) => subgraph.name).join(', ')}`);
  });
});
