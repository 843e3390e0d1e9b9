import type { RunningSystem } from '../support/system';
import { AYU, BUDI, DEWI, SITI, SUTRISNO_KK, UNKNOWN_KK, WATI, WATI_KK } from './fixtures';

/** A household through the gateway: its sources, region, desil, members, eligibility and targeting, and a person by NIK. */
export function householdCases(system: () => RunningSystem): void {
  it('when all three registers hold a family, then it resolves its sources, region, desil and living members', async () => {
    const response = await system().query(
      `query ($noKK: String!) {
        household(noKK: $noKK) {
          noKK
          sources
          region { code dottedCode village district city province villageKind source }
          desil { value source rankingVersion conflict candidates { source value } }
          members { nik name sex birthDate age alive }
        }
      }`,
      { noKK: SUTRISNO_KK },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          household: {
            noKK: SUTRISNO_KK,
            sources: ['DTKS', 'REGSOSEK', 'P3KE'],
            region: {
              code: '3172011001',
              dottedCode: '31.72.01.1001',
              village: 'Penjaringan',
              district: 'Penjaringan',
              city: 'Kota Administrasi Jakarta Utara',
              province: 'DKI Jakarta',
              villageKind: 'KELURAHAN',
              source: 'REGSOSEK',
            },
            desil: {
              value: 2,
              source: 'REGSOSEK',
              rankingVersion: '2025Q4',
              conflict: false,
              candidates: [
                { source: 'REGSOSEK', value: 2 },
                { source: 'P3KE', value: 2 },
                { source: 'DTKS', value: 2 },
              ],
            },
            members: [
              { nik: BUDI.nik, name: 'Budi Sutrisno', sex: 'MALE', birthDate: '1985-03-12', age: 40, alive: true },
              { nik: SITI.nik, name: 'Siti Aminah', sex: 'FEMALE', birthDate: '1988-08-20', age: 36, alive: true },
              { nik: AYU.nik, name: 'Ayu', sex: 'FEMALE', birthDate: '2021-02-05', age: 4, alive: true },
              { nik: DEWI.nik, name: 'Dewi', sex: 'FEMALE', birthDate: '2010-11-30', age: 14, alive: true },
            ],
          },
        },
      },
    });
  });

  it('when a poor family receives PKH and BPNT, then eligibility and targeting show what it qualifies for and what it misses', async () => {
    const response = await system().query(
      `query ($noKK: String!) {
        household(noKK: $noKK) {
          eligibility { program eligible estimatedAnnualBenefit beneficiaries ruleSet }
          targeting { program receiving eligible status }
          dataQuality { code sources nik detail }
        }
      }`,
      { noKK: SUTRISNO_KK },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          household: {
            eligibility: [
              // Pregnant woman 3,000,000 + child 0-6 3,000,000 + SMP pupil 1,500,000.
              { program: 'PKH', eligible: true, estimatedAnnualBenefit: 7_500_000, beneficiaries: [SITI.nik, AYU.nik, DEWI.nik], ruleSet: '2025' },
              { program: 'BPNT', eligible: true, estimatedAnnualBenefit: 2_400_000, beneficiaries: [], ruleSet: '2025' },
              // Four members not insured through an employer, 42,000 a month each.
              { program: 'PBI_JK', eligible: true, estimatedAnnualBenefit: 2_016_000, beneficiaries: [BUDI.nik, SITI.nik, AYU.nik, DEWI.nik], ruleSet: '2025' },
              { program: 'PIP', eligible: true, estimatedAnnualBenefit: 750_000, beneficiaries: [DEWI.nik], ruleSet: '2025' },
              { program: 'BLT_DD', eligible: false, estimatedAnnualBenefit: 0, beneficiaries: [], ruleSet: '2025' },
            ],
            targeting: [
              { program: 'PKH', receiving: true, eligible: true, status: 'ON_TARGET' },
              { program: 'BPNT', receiving: true, eligible: true, status: 'ON_TARGET' },
              { program: 'PBI_JK', receiving: false, eligible: true, status: 'EXCLUSION_ERROR' },
              { program: 'PIP', receiving: false, eligible: true, status: 'EXCLUSION_ERROR' },
              { program: 'BLT_DD', receiving: false, eligible: false, status: 'NOT_TARGETED' },
            ],
            dataQuality: [],
          },
        },
      },
    });
  });

  it('when only DTKS holds a family, then the other registers are null and the gap is a data-quality issue', async () => {
    const response = await system().query(
      `query ($noKK: String!) {
        household(noKK: $noKK) {
          sources
          dtks { dtksId verificationStatus welfarePercentile receipts { program since status pkhComponents } members { nik name } }
          regsosek { noKK }
          p3ke { noKK }
          desil { value source conflict }
          members { nik name age }
          dataQuality { code sources nik }
        }
      }`,
      { noKK: WATI_KK },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          household: {
            sources: ['DTKS'],
            dtks: {
              dtksId: 'DTKS-0000002',
              verificationStatus: 'UNVERIFIED',
              welfarePercentile: 8,
              receipts: [{ program: 'BPNT', since: '2021-01-01', status: 'ACTIVE', pkhComponents: [] }],
              members: [{ nik: WATI.nik, name: 'Wati' }],
            },
            regsosek: null,
            p3ke: null,
            desil: { value: 1, source: 'DTKS', conflict: false },
            members: [{ nik: WATI.nik, name: 'Wati', age: 65 }],
            dataQuality: [{ code: 'MISSING_FROM_REGSOSEK', sources: ['DTKS'], nik: null }],
          },
        },
      },
    });
  });

  it('when no register holds a well-formed KK, then household is null without an error', async () => {
    const response = await system().query('query ($noKK: String!) { household(noKK: $noKK) { noKK sources } }', { noKK: UNKNOWN_KK });

    expect(response).toEqual({ status: 200, body: { data: { household: null } } });
  });

  it('when a person is looked up by NIK, then every register record and the family are there', async () => {
    const response = await system().query(
      `query ($nik: String!) {
        person(nik: $nik) {
          nik name sex birthDate age alive sources
          nikCheck { valid problem birthDate sex districtCode }
          households { noKK }
          dtks { noKK relationship }
          regsosek { presence schoolParticipation schoolLevel pregnant }
          p3ke { inSchool }
        }
      }`,
      { nik: DEWI.nik },
    );

    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          person: {
            nik: DEWI.nik,
            name: 'Dewi',
            sex: 'FEMALE',
            birthDate: '2010-11-30',
            age: 14,
            alive: true,
            sources: ['DTKS', 'REGSOSEK', 'P3KE'],
            nikCheck: { valid: true, problem: null, birthDate: '2010-11-30', sex: 'FEMALE', districtCode: '31.72.01' },
            households: [{ noKK: SUTRISNO_KK }],
            dtks: { noKK: SUTRISNO_KK, relationship: 3 },
            regsosek: { presence: 1, schoolParticipation: 2, schoolLevel: 'SMP', pregnant: false },
            p3ke: { inSchool: true },
          },
        },
      },
    });
  });
}
