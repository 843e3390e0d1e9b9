// A family whose DTSEN ranking rose above the PKH and BPNT cut-offs while it still receives both:
// the ground-check worklist, through the gateway and the resolution index.
import { startSystem, type RunningSystem } from '../support/system';
import { testToken } from '../support/tokens';
import { EVALUATION_DATE, SUTRISNO_KK, WORLD } from './fixtures';

const RISEN_WORLD = {
  ...WORLD,
  regsosek: WORLD.regsosek.map((family) => ({ ...family, ranking: { desil: 6, percentile: 55, version: '2025Q4', rankedAt: '2025-11-15' } })),
  p3ke: [],
};

describe('graduation candidates through the gateway', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem({ store: 'sqlite', data: RISEN_WORLD, evaluationDate: EVALUATION_DATE, resolve: true });
  }, 120_000);
  afterAll(() => system.stop());

  it('when a family receiving PKH and BPNT is now ranked desil 6, then both are GRADUATION_CANDIDATE with a reason a caseworker can check on the ground', async () => {
    const response = await system.query('query ($noKK: String!) { household(noKK: $noKK) { targeting { program receiving eligible status reasons } } }', {
      noKK: SUTRISNO_KK,
    });

    expect(response.body).toEqual({
      data: {
        household: {
          targeting: [
            {
              program: 'PKH',
              receiving: true,
              eligible: false,
              status: 'GRADUATION_CANDIDATE',
              reasons: ["Receives PKH (DTKS) while its desil 6 is above PKH's cut-off of 4: a candidate for graduation; check on the ground"],
            },
            {
              program: 'BPNT',
              receiving: true,
              eligible: false,
              status: 'GRADUATION_CANDIDATE',
              reasons: ["Receives BPNT (DTKS) while its desil 6 is above BPNT's cut-off of 4: a candidate for graduation; check on the ground"],
            },
            {
              program: 'PBI_JK',
              receiving: false,
              eligible: false,
              status: 'NOT_TARGETED',
              reasons: ['Neither receives PBI-JK (BPJS Kesehatan) nor is eligible for it'],
            },
            {
              program: 'PIP',
              receiving: false,
              eligible: true,
              status: 'EXCLUSION_ERROR',
              reasons: ['Is eligible for PIP but does not receive it (DTKS)'],
            },
            {
              program: 'BLT_DD',
              receiving: false,
              eligible: false,
              status: 'NOT_TARGETED',
              reasons: ['Neither receives BLT-DD (Kemendes) nor is eligible for it'],
            },
          ],
        },
      },
    });
  });

  it('when a PKH partner asks, then it is told its own programme\'s status and reason only', async () => {
    const response = await system.query(
      'query ($noKK: String!) { household(noKK: $noKK) { targeting { program status reasons } } }',
      { noKK: SUTRISNO_KK },
      await testToken('partner', { programmes: ['PKH'] }),
    );

    expect(response.body).toEqual({
      data: {
        household: {
          targeting: [
            {
              program: 'PKH',
              status: 'GRADUATION_CANDIDATE',
              reasons: ["Receives PKH (DTKS) while its desil 6 is above PKH's cut-off of 4: a candidate for graduation; check on the ground"],
            },
          ],
        },
      },
    });
  });

  it('when the index is asked for PKH graduation candidates and counts, then it lists the family and counts it apart from inclusion errors (Wati receives BPNT on target)', async () => {
    const response = await system.query(`{
      households(filter: { targeting: { program: PKH, status: GRADUATION_CANDIDATE } }, first: 10) { totalCount nodes { noKK } }
      statistics(level: PROVINCE) { total { programs { program receiving onTarget inclusionErrors graduationCandidates } } }
    }`);

    expect(response.body).toEqual({
      data: {
        households: { totalCount: 1, nodes: [{ noKK: SUTRISNO_KK }] },
        statistics: {
          total: {
            programs: [
              { program: 'PKH', receiving: 1, onTarget: 0, inclusionErrors: 0, graduationCandidates: 1 },
              { program: 'BPNT', receiving: 2, onTarget: 1, inclusionErrors: 0, graduationCandidates: 1 },
              { program: 'PBI_JK', receiving: 0, onTarget: 0, inclusionErrors: 0, graduationCandidates: 0 },
              { program: 'PIP', receiving: 0, onTarget: 0, inclusionErrors: 0, graduationCandidates: 0 },
              { program: 'BLT_DD', receiving: 0, onTarget: 0, inclusionErrors: 0, graduationCandidates: 0 },
            ],
          },
        },
      },
    });
  });
});
