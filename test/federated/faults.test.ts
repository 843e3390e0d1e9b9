import { startSystem, type RunningSystem } from '../support/system';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from './fixtures';

describe('when a register subgraph is down', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: WORLD, evaluationDate: EVALUATION_DATE, subgraphTimeoutMs: 1000 });
    await system.stopSubgraph('p3ke');
  });
  afterAll(() => system.stop());

  it('then the household still resolves from the other registers, with an error naming that register and no internal detail', async () => {
    const response = await system.query(
      'query ($noKK: String!) { household(noKK: $noKK) { noKK dtks { dtksId } regsosek { ranking { desil } } p3ke { desil } } }',
      { noKK: SUTRISNO_KK },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          household: { noKK: SUTRISNO_KK, dtks: { dtksId: 'DTKS-0000001' }, regsosek: { ranking: { desil: 2 } }, p3ke: null },
        },
        errors: [
          {
            message: 'The P3KE register is unavailable',
            extensions: { code: 'SOURCE_UNAVAILABLE', source: 'P3KE' },
          },
        ],
      },
    });
  });
});
