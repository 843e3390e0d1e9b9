// A small, hand-made world of register records, so that federated tests can assert on whole
// answers a reader can check against docs/rules.md by hand.
import type { BpjsFamilyRecord } from '../../subgraphs/bpjs/records';
import type { DtksFamilyRecord, DtksMemberRecord } from '../../subgraphs/dtks/records';
import type { P3keFamilyRecord } from '../../subgraphs/p3ke/records';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from '../../subgraphs/regsosek/records';
import type { RegisterData } from '../support/system';

export const EVALUATION_DATE = new Date('2025-07-01T00:00:00Z');

/** Penjaringan, Jakarta Utara. */
export const PENJARINGAN = '3172011001';

/** The Sutrisno family: all three registers hold it, consistently. Desil 2, PKH and BPNT recipients. */
export const SUTRISNO_KK = '3172011506100001';
/** The Wati family: only DTKS holds it, and it receives BPNT. */
export const WATI_KK = '3172012003150002';
/** A well-formed KK that no register holds. */
export const UNKNOWN_KK = '3172019999990009';

const member = (nik: string, name: string, sex: 'MALE' | 'FEMALE', birthDate: string, relationship: number) => ({
  nik,
  name,
  sex,
  birthDate,
  relationship,
});

export const BUDI = member('3172011203850001', 'Budi Sutrisno', 'MALE', '1985-03-12', 1);
export const SITI = member('3172016008880002', 'Siti Aminah', 'FEMALE', '1988-08-20', 2);
export const AYU = member('3172014502210003', 'Ayu', 'FEMALE', '2021-02-05', 3);
export const DEWI = member('3172017011100004', 'Dewi', 'FEMALE', '2010-11-30', 3);
export const WATI = member('3172016201600005', 'Wati', 'FEMALE', '1960-01-22', 1);

const NO_DIFFICULTY = { vision: 4, hearing: 4, walking: 4, hands: 4, learning: 4, behaviour: 4, communication: 4, selfCare: 4 };

function regsosekMember(person: ReturnType<typeof member>, fields: Partial<RegsosekMemberRecord>): RegsosekMemberRecord {
  return {
    ...person,
    noKK: SUTRISNO_KK,
    presence: 1,
    schoolParticipation: 3,
    schoolLevel: 'SMP',
    workedLastWeek: false,
    employmentStatus: null,
    difficulty: NO_DIFFICULTY,
    chronicDisease: false,
    healthInsurance: 1,
    pregnant: false,
    ...fields,
  };
}

function dtksMember(person: ReturnType<typeof member>, noKK: string): DtksMemberRecord {
  return { ...person, noKK };
}

const sutrisnoRegsosek: RegsosekFamilyRecord = {
  noKK: SUTRISNO_KK,
  regionCode: PENJARINGAN,
  address: 'Jl. Pluit Karang Utara No. 12',
  rt: '004',
  rw: '011',
  familyStatus: 0,
  housing: {
    tenure: 2,
    floorArea: 24,
    floor: 6,
    wall: 1,
    roof: 3,
    drinkingWater: 2,
    lighting: 1,
    installedPower: 2,
    cookingFuel: 4,
    toilet: 2,
    faecesDisposal: 1,
  },
  assets: {
    gasCylinder: false,
    fridge: false,
    airConditioner: false,
    waterHeater: false,
    landline: false,
    television: true,
    gold: false,
    computer: false,
    motorcycle: true,
    bicycle: false,
    car: false,
    boat: false,
    motorBoat: false,
    smartphone: true,
    bankAccount: false,
    land: false,
    landArea: 0,
    houseElsewhere: false,
    cattle: 0,
    buffalo: 0,
    horse: 0,
    pig: 0,
    goat: 0,
  },
  ranking: { desil: 2, percentile: 15, version: '2025Q4', rankedAt: '2025-11-15' },
  members: [
    regsosekMember(BUDI, { workedLastWeek: true, employmentStatus: 7, schoolLevel: 'SD' }),
    regsosekMember(SITI, { pregnant: true, schoolLevel: 'SMP' }),
    regsosekMember(AYU, { schoolParticipation: 1, schoolLevel: null }),
    regsosekMember(DEWI, { schoolParticipation: 2, schoolLevel: 'SMP' }),
  ],
};

const sutrisnoDtks: DtksFamilyRecord = {
  dtksId: 'DTKS-0000001',
  noKK: SUTRISNO_KK,
  regionCode: PENJARINGAN,
  address: 'Jl. Pluit Karang Utara No. 12',
  rt: '004',
  rw: '011',
  verificationStatus: 'VERIFIED',
  verifiedAt: '2025-03-01',
  active: true,
  welfarePercentile: 15,
  receipts: [
    { program: 'PKH', since: '2023-01-01', status: 'ACTIVE', pkhComponents: ['PREGNANT', 'EARLY_CHILDHOOD', 'PUPIL_SMP'] },
    { program: 'BPNT', since: '2022-06-01', status: 'ACTIVE', pkhComponents: [] },
  ],
  members: [BUDI, SITI, AYU, DEWI].map((person) => dtksMember(person, SUTRISNO_KK)),
};

const sutrisnoP3ke: P3keFamilyRecord = {
  noKK: SUTRISNO_KK,
  regionCode: PENJARINGAN,
  address: 'Jl. Pluit Karang Utara No. 12',
  rt: '004',
  rw: '011',
  desil: 2,
  extremePoor: false,
  liveableHouse: false,
  cleanWater: true,
  sanitation: true,
  interventions: [{ program: 'PKH', year: 2024 }],
  members: [
    { ...BUDI, noKK: SUTRISNO_KK, inSchool: false, working: true },
    { ...SITI, noKK: SUTRISNO_KK, inSchool: false, working: false },
    { ...AYU, noKK: SUTRISNO_KK, inSchool: false, working: false },
    { ...DEWI, noKK: SUTRISNO_KK, inSchool: true, working: false },
  ],
};

const watiDtks: DtksFamilyRecord = {
  dtksId: 'DTKS-0000002',
  noKK: WATI_KK,
  regionCode: PENJARINGAN,
  address: 'Jl. Muara Baru No. 3',
  rt: '001',
  rw: '017',
  verificationStatus: 'UNVERIFIED',
  verifiedAt: null,
  active: true,
  welfarePercentile: 8,
  receipts: [{ program: 'BPNT', since: '2021-01-01', status: 'ACTIVE', pkhComponents: [] }],
  members: [dtksMember(WATI, WATI_KK)],
};

export const WORLD: RegisterData = {
  dtks: [sutrisnoDtks, watiDtks],
  regsosek: [sutrisnoRegsosek],
  p3ke: [sutrisnoP3ke],
};

/** BPJS Kesehatan's enrolments of the Sutrisno family: self-paid (PBPU), so no PBI-JK receipt, as DTKS records none. */
const sutrisnoBpjs: BpjsFamilyRecord = {
  noKK: SUTRISNO_KK,
  regionCode: PENJARINGAN,
  address: 'Jl. Pluit Karang Utara No. 12',
  rt: '004',
  rw: '011',
  members: [BUDI, SITI, AYU, DEWI].map((person) => ({
    ...person,
    noKK: SUTRISNO_KK,
    enrolled: true,
    class: 3,
    since: '2019-01',
    status: 'ACTIVE' as const,
    segment: 'PBPU' as const,
  })),
};

/** WORLD with BPJS holding the Sutrisno family too, for tests that go through every register. */
export const WORLD_WITH_BPJS: RegisterData = { ...WORLD, bpjs: [sutrisnoBpjs] };
