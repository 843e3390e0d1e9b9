import { SUTRISNO_KK } from '../federated/fixtures';
import type { FaultProxy } from '../support/fault-proxy';
import type { RunningSystem } from '../support/system';
import { DTSEN_TOPOLOGIES, startSystemBehindProxy, withDistinctErrors } from './system-with-proxy';

// Kemendes is a partner register: it records BLT Dana Desa receipts and decides no eligibility, so
// when it cannot be asked only BLT_DD targeting is left open, and the three family registers still
// answer everything else.

const QUERY = `query ($noKK: String!) {
  household(noKK: $noKK) {
    noKK sources unavailableSources
    dtks { dtksId } regsosek { ranking { desil } } p3ke { desil } kemendes { status }
    desil { value source complete }
    eligibility { program eligible complete }
    targeting { program status complete }
  }
}`;

const WITHOUT_KEMENDES = {
  status: 200,
  body: {
    data: {
      household: {
        noKK: SUTRISNO_KK,
        sources: ['DTKS', 'REGSOSEK', 'P3KE'],
        unavailableSources: ['KEMENDES'],
        dtks: { dtksId: 'DTKS-0000001' },
        regsosek: { ranking: { desil: 2 } },
        p3ke: { desil: 2 },
        kemendes: null,
        desil: { value: 2, source: 'REGSOSEK', complete: true },
        eligibility: [
          { program: 'PKH', eligible: true, complete: true },
          { program: 'BPNT', eligible: true, complete: true },
          { program: 'PBI_JK', eligible: true, complete: true },
          { program: 'PIP', eligible: true, complete: true },
          { program: 'BLT_DD', eligible: false, complete: true },
        ],
        targeting: [
          { program: 'PKH', status: 'ON_TARGET', complete: true },
          { program: 'BPNT', status: 'ON_TARGET', complete: true },
          { program: 'PBI_JK', status: 'EXCLUSION_ERROR', complete: true },
          { program: 'PIP', status: 'EXCLUSION_ERROR', complete: true },
          { program: 'BLT_DD', status: 'NOT_TARGETED', complete: false },
        ],
      },
    },
    errors: [{ message: 'The KEMENDES register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'KEMENDES' } }],
  },
};

describe.each(DTSEN_TOPOLOGIES)('with the dtsen subgraph $where', ({ dtsen }) => {
  describe('when the Kemendes subgraph refuses connections', () => {
    let system: RunningSystem;
    let proxy: FaultProxy;
    beforeAll(async () => {
      ({ system, proxy } = await startSystemBehindProxy('kemendes', { dtsen, subgraphTimeoutMs: 1_000, resilience: { retries: 1, breakerThreshold: 1_000 } }));
      // A cold first request can spend a subgraph timeout on start-up work alone; the fault is what is under test.
      await system.query(QUERY, { noKK: SUTRISNO_KK });
      await proxy.set('down');
    });
    afterAll(async () => {
      await system.stop();
      await proxy.close();
    });

    it('then the household answers from DTKS, Regsosek and P3KE, Kemendes null and named SOURCE_UNAVAILABLE, and only BLT_DD targeting incomplete', async () => {
      const response = await system.query(QUERY, { noKK: SUTRISNO_KK });

      expect(withDistinctErrors(response)).toEqual(WITHOUT_KEMENDES);
    });

    it('then the BLT_DD reasons say Kemendes could not be asked, and no other programme mentions it', async () => {
      const response = await system.query('query ($noKK: String!) { household(noKK: $noKK) { eligibility { program reasons } } }', { noKK: SUTRISNO_KK });

      const household = response.body.data?.['household'] as { eligibility: { program: string; reasons: string[] }[] };
      expect(household.eligibility.map((entry) => ({ program: entry.program, kemendes: entry.reasons.filter((reason) => reason.includes('Kemendes')) }))).toEqual([
        { program: 'PKH', kemendes: [] },
        { program: 'BPNT', kemendes: [] },
        { program: 'PBI_JK', kemendes: [] },
        { program: 'PIP', kemendes: [] },
        { program: 'BLT_DD', kemendes: ['Kemendes could not be asked whether a desa pays the family BLT Dana Desa'] },
      ]);
    });
  });
});
