// Register records for the subgraph tests: whole, valid records whose every field (nullable ones
// included) survives a round trip through a store.
import type { Sex } from '../../common/identifiers';
import type { DtksFamilyRecord, DtksMemberRecord } from '../../subgraphs/dtks/records';
import type { KemendesFamilyRecord, KemendesRecipientRecord } from '../../subgraphs/kemendes/records';
import type { P3keFamilyRecord, P3keMemberRecord } from '../../subgraphs/p3ke/records';
import type { RegsosekFamilyRecord, RegsosekMemberRecord } from '../../subgraphs/regsosek/records';

/** Penjaringan (Jakarta Utara) and Gambir (Jakarta Pusat). */
export const PENJARINGAN = '3172011001';
export const GAMBIR = '3171011001';

interface Person {
  readonly nik: string;
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
}

/** The n-th member of a family: the head first, then children. */
function person(nik: string, noKK: string, index: number): Person {
  return {
    nik,
    noKK,
    name: `Warga ${nik.slice(-4)}`,
    sex: index % 2 === 0 ? 'MALE' : 'FEMALE',
    birthDate: index === 0 ? '1980-04-12' : `20${String(10 + index).padStart(2, '0')}-0${(index % 9) + 1}-15`,
    relationship: index === 0 ? 1 : 3,
  };
}

export function dtksMember(nik: string, noKK: string, index = 0): DtksMemberRecord {
  return person(nik, noKK, index);
}

export function dtksFamily(
  noKK: string,
  regionCode: string,
  niks: readonly string[],
  fields: Partial<DtksFamilyRecord> = {},
): DtksFamilyRecord {
  return {
    dtksId: `DTKS-${noKK.slice(-7)}`,
    noKK,
    regionCode,
    address: `Jl. Muara Baru No. ${Number(noKK.slice(-3))}`,
    rt: '004',
    rw: '011',
    verificationStatus: 'VERIFIED',
    verifiedAt: '2025-03-01',
    active: true,
    welfarePercentile: 15,
    receipts: [
      { program: 'PKH', since: '2023-01-01', status: 'ACTIVE', pkhComponents: ['EARLY_CHILDHOOD', 'PUPIL_SD'] },
      { program: 'BPNT', since: '2022-06-01', status: 'SUSPENDED', pkhComponents: [] },
    ],
    members: niks.map((nik, index) => dtksMember(nik, noKK, index)),
    ...fields,
  };
}

export function regsosekMember(nik: string, noKK: string, index = 0): RegsosekMemberRecord {
  const head = index === 0;
  return {
    ...person(nik, noKK, index),
    presence: 1,
    schoolParticipation: head ? 3 : 2,
    schoolLevel: head ? null : 'SD',
    workedLastWeek: head,
    employmentStatus: head ? 7 : null,
    difficulty: { vision: 4, hearing: 4, walking: head ? 2 : 4, hands: 4, learning: 4, behaviour: 4, communication: 4, selfCare: 3 },
    chronicDisease: head,
    healthInsurance: 1,
    pregnant: false,
  };
}

export function regsosekFamily(
  noKK: string,
  regionCode: string,
  niks: readonly string[],
  fields: Partial<RegsosekFamilyRecord> = {},
): RegsosekFamilyRecord {
  return {
    noKK,
    regionCode,
    address: `Jl. Pluit Karang Utara No. ${Number(noKK.slice(-3))}`,
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
      installedPower: null,
      cookingFuel: 4,
      toilet: 2,
      faecesDisposal: 1,
    },
    assets: {
      gasCylinder: false,
      fridge: true,
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
      land: true,
      landArea: 60,
      houseElsewhere: false,
      cattle: 0,
      buffalo: 0,
      horse: 0,
      pig: 0,
      goat: 2,
    },
    ranking: { desil: 2, percentile: 15, version: '2025Q4', rankedAt: '2025-11-15' },
    members: niks.map((nik, index) => regsosekMember(nik, noKK, index)),
    ...fields,
  };
}

export function p3keMember(nik: string, noKK: string, index = 0): P3keMemberRecord {
  return { ...person(nik, noKK, index), inSchool: index > 0, working: index === 0 };
}

export function p3keFamily(
  noKK: string,
  regionCode: string,
  niks: readonly string[],
  fields: Partial<P3keFamilyRecord> = {},
): P3keFamilyRecord {
  return {
    noKK,
    regionCode,
    address: `Jl. Kapuk Muara No. ${Number(noKK.slice(-3))}`,
    rt: '004',
    rw: '011',
    desil: 2,
    extremePoor: false,
    liveableHouse: false,
    cleanWater: true,
    sanitation: true,
    interventions: [
      { program: 'PKH', year: 2024 },
      { program: 'RUTILAHU', year: 2023 },
    ],
    members: niks.map((nik, index) => p3keMember(nik, noKK, index)),
    ...fields,
  };
}

export function kemendesRecipient(nik: string, noKK: string, index = 0): KemendesRecipientRecord {
  return person(nik, noKK, index);
}

/** A BLT Dana Desa receipt; the shared register tests list each NIK as a recipient, as they do members. */
export function kemendesFamily(
  noKK: string,
  regionCode: string,
  niks: readonly string[],
  fields: Partial<KemendesFamilyRecord> = {},
): KemendesFamilyRecord {
  return {
    noKK,
    regionCode,
    address: `Jl. Kapuk Muara No. ${Number(noKK.slice(-3))}`,
    rt: '004',
    rw: '011',
    since: '2024-03',
    status: 'ACTIVE',
    monthlyAmount: 300_000,
    members: niks.map((nik, index) => kemendesRecipient(nik, noKK, index)),
    ...fields,
  };
}
