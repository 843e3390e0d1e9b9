import { SUTRISNO_KK } from '../federated/fixtures';
import type { Fault, FaultProxy } from '../support/fault-proxy';
import type { RunningSystem } from '../support/system';
import { DTSEN_TOPOLOGIES, HOUSEHOLD_QUERY, startSystemBehindProxies, withDistinctErrors } from './system-with-proxy';

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

const KEMENDES_QUERY = `query ($noKK: String!) {
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

// Both topologies give the same answers: "could not be asked" travels with the request to dtsen.
// One system per topology, with a fault proxy in front of P3KE and one in front of Kemendes: each
// block sets the faults itself, and the breaker's threshold is out of reach, so no block's answers
// depend on the one before.
describe.each(DTSEN_TOPOLOGIES)('with the dtsen subgraph $where', ({ dtsen }) => {
  let system: RunningSystem;
  let proxies: { p3ke: FaultProxy; kemendes: FaultProxy };
  beforeAll(async () => {
    // The timeout leaves the registers that answer room on a loaded machine (the suite runs a worker
    // per core), and the slow fault stays well beyond it.
    const started = await startSystemBehindProxies(['p3ke', 'kemendes'], { dtsen, subgraphTimeoutMs: 1_000, slowMs: 3_000, resilience: { retries: 1, breakerThreshold: 1_000 } });
    system = started.system;
    proxies = { p3ke: started.proxies.p3ke as FaultProxy, kemendes: started.proxies.kemendes as FaultProxy };
    // A cold first request can spend a subgraph timeout on start-up work alone; the faults are what is under test.
    await system.query(HOUSEHOLD_QUERY, { noKK: SUTRISNO_KK });
  });
  afterAll(async () => {
    await system.stop();
    await Promise.all([proxies.p3ke.close(), proxies.kemendes.close()]);
  });

  describe('when every register answers', () => {
    beforeAll(() => proxies.p3ke.set('pass'));

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
    beforeAll(() => proxies.p3ke.set(fault));

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

  // Kemendes is a partner register: it records BLT Dana Desa receipts and decides no eligibility, so
  // when it cannot be asked only BLT_DD targeting is left open, and the three family registers still
  // answer everything else.
  describe('when the Kemendes subgraph refuses connections', () => {
    beforeAll(() => Promise.all([proxies.p3ke.set('pass'), proxies.kemendes.set('down')]));
    afterAll(() => proxies.kemendes.set('pass'));

    it('then the household answers from DTKS, Regsosek and P3KE, Kemendes null and named SOURCE_UNAVAILABLE, and only BLT_DD targeting incomplete', async () => {
      const response = await system.query(KEMENDES_QUERY, { noKK: SUTRISNO_KK });

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
