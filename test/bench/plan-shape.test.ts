import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planShapes, SCENARIO_OPERATIONS } from '../../bench/plan-shape';

const SUPERGRAPH = readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');

describe('the query plans of the bench scenarios', () => {
  it('when the scenarios are planned over the committed supergraph, then each makes the subgraph calls, in the waves, that docs/performance.md gives', () => {
    expect(planShapes(SUPERGRAPH, SCENARIO_OPERATIONS)).toEqual({
      a: { calls: 7, waves: [1, 5, 1], bySubgraph: { dtsen: 2, bpjs: 1, kemendes: 1, p3ke: 1, regsosek: 1, dtks: 1 } },
      b: { calls: 7, waves: [1, 5, 1], bySubgraph: { dtsen: 2, bpjs: 1, kemendes: 1, p3ke: 1, regsosek: 1, dtks: 1 } },
      c: { calls: 7, waves: [1, 4, 2], bySubgraph: { dtsen: 3, p3ke: 1, regsosek: 1, dtks: 1, bpjs: 1 } },
      d: { calls: 1, waves: [1], bySubgraph: { dtsen: 1 } },
    });
  });
});
