import { SUTRISNO_KK } from '../federated/fixtures';
import type { Fault, FaultProxy } from '../support/fault-proxy';
import type { RunningSystem } from '../support/system';
import { DTSEN_TOPOLOGIES, HOUSEHOLD_QUERY, startSystemBehindProxy, withDistinctErrors } from './system-with-proxy';

const P3KE_NOTE = 'P3KE could not be asked; this result may change when it answers';

/** Sutrisno's household as the gateway answers it without P3KE: the other registers' data, P3KE's null and marked. */
const WITHOUT_P3KE = {
  status: 200,
  body: {
    data: {
      household: {
        noKK: SUTRISNO_KK,
        sources: ['DTKS', 'REGSOSEK'],
        unavailableSources: ['P3KE'],
        dtks: { dtksId: 'DTKS-0000001' },
        regsosek: { ranking: { desil: 2 } },
        p3ke: null,
        desil: { value: 2, source: 'REGSOSEK', complete: false },
        eligibility: [
          { program: 'PKH', eligible: true, complete: false },
          { program: 'BPNT', eligible: true, complete: false },
          { program: 'PBI_JK', eligible: true, complete: false },
          { program: 'PIP', eligible: true, complete: false },
          { program: 'BLT_DD', eligible: false, complete: false },
        ],
        targeting: [
          { program: 'PKH', status: 'ON_TARGET', complete: false },
          { program: 'BPNT', status: 'ON_TARGET', complete: false },
          { program: 'PBI_JK', status: 'EXCLUSION_ERROR', complete: false },
          { program: 'PIP', status: 'EXCLUSION_ERROR', complete: false },
          { program: 'BLT_DD', status: 'NOT_TARGETED', complete: false },
        ],
      },
    },
    errors: [{ message: 'The P3KE register is unavailable', extensions: { code: 'SOURCE_UNAVAILABLE', source: 'P3KE' } }],
  },
};

const FAULTS: readonly { fault: Fault; what: string }[] = [
  { fault: 'down', what: 'refuses connections' },
  { fault: 'slow', what: 'answers later than the subgraph timeout' },
  { fault: 'error500', what: 'answers HTTP 500' },
  { fault: 'cut', what: 'closes the connection mid-response' },
];

// Both topologies give the same answers: "could not be asked" travels with the request to dtsen.
// One system per topology: each block sets the proxy's fault itself, and the breaker's threshold is
// out of reach, so no block's answers depend on the one before.
describe.each(DTSEN_TOPOLOGIES)('with the dtsen subgraph $where', ({ dtsen }) => {
  let system: RunningSystem;
  let proxy: FaultProxy;
  beforeAll(async () => {
    // The timeout leaves the registers that answer room on a loaded machine (the suite runs a worker
    // per core), and the slow fault stays well beyond it.
    ({ system, proxy } = await startSystemBehindProxy('p3ke', { dtsen, subgraphTimeoutMs: 1_000, slowMs: 3_000, resilience: { retries: 1, breakerThreshold: 1_000 } }));
    // A cold first request can spend a subgraph timeout on start-up work alone; the faults are what is under test.
    await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });
  });
  afterAll(async () => {
    await system.stop();
    await proxy.close();
  });

  describe('when every register answers', () => {
    beforeAll(() => proxy.set('pass'));

    it('then no source is unavailable and desil, eligibility and targeting are complete', async () => {
      const response = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });

      expect(response).toEqual({
        status: 200,
        body: {
          data: {
            household: {
              ...WITHOUT_P3KE.body.data.household,
              sources: ['DTKS', 'REGSOSEK', 'P3KE'],
              unavailableSources: [],
              p3ke: { desil: 2 },
              desil: { value: 2, source: 'REGSOSEK', complete: true },
              eligibility: WITHOUT_P3KE.body.data.household.eligibility.map((entry) => ({ ...entry, complete: true })),
              targeting: WITHOUT_P3KE.body.data.household.targeting.map((entry) => ({ ...entry, complete: true })),
            },
          },
        },
      });
    });
  });

  describe.each(FAULTS)('when the P3KE subgraph $what', ({ fault }) => {
    beforeAll(() => proxy.set(fault));

    it('then the household answers with the other registers, P3KE null and named, and desil, eligibility and targeting marked incomplete', async () => {
      const response = await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });

      expect(withDistinctErrors(response)).toEqual(WITHOUT_P3KE);
    });

    it('then the reasons of every programme say that P3KE could not be asked', async () => {
      const response = await system.query('query ($noKK: String!) { household(noKK: $noKK) { eligibility { program reasons } } }', { noKK: SUTRISNO_KK });

      const household = response.body.data?.['household'] as { eligibility: { program: string; reasons: string[] }[] };
      expect(household.eligibility.map((entry) => ({ program: entry.program, last: entry.reasons.at(-1) }))).toEqual(
        ['PKH', 'BPNT', 'PBI_JK', 'PIP', 'BLT_DD'].map((program) => ({ program, last: P3KE_NOTE })),
      );
    });
  });
});
