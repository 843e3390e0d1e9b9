import type { FamilyLinkedRow } from '../../common/store/entity-columns';
import type { FamilyRows } from '../../common/store/family-repository';
import type { RegsosekFamilyRow, RegsosekMemberRow } from './entities';
import type {
  RegsosekAssetsRecord,
  RegsosekFamilyRecord,
  RegsosekHousingRecord,
  RegsosekMemberRecord,
  RegsosekRankingRecord,
} from './records';

const HOUSING_FIELDS: Record<keyof RegsosekHousingRecord, true> = {
  tenure: true,
  floorArea: true,
  floor: true,
  wall: true,
  roof: true,
  drinkingWater: true,
  lighting: true,
  installedPower: true,
  cookingFuel: true,
  toilet: true,
  faecesDisposal: true,
};

const ASSET_FIELDS: Record<keyof RegsosekAssetsRecord, true> = {
  gasCylinder: true,
  fridge: true,
  airConditioner: true,
  waterHeater: true,
  landline: true,
  television: true,
  gold: true,
  computer: true,
  motorcycle: true,
  bicycle: true,
  car: true,
  boat: true,
  motorBoat: true,
  smartphone: true,
  bankAccount: true,
  land: true,
  landArea: true,
  houseElsewhere: true,
  cattle: true,
  buffalo: true,
  horse: true,
  pig: true,
  goat: true,
};

/** Exactly the listed fields: a flat row holds more than a nested record may carry. */
function pick<Fields extends object>(source: Fields, fields: Record<keyof Fields, true>): Fields {
  const picked: Partial<Fields> = {};
  for (const field of Object.keys(fields) as (keyof Fields)[]) picked[field] = source[field];
  return picked as Fields;
}

/** Regsosek has no detail table. */
export type RegsosekDetailRow = FamilyLinkedRow;

export function regsosekRows(family: RegsosekFamilyRecord): FamilyRows<RegsosekFamilyRow, RegsosekMemberRow, RegsosekDetailRow> {
  const { ranking } = family;
  return {
    family: {
      noKK: family.noKK,
      regionCode: family.regionCode,
      address: family.address,
      rt: family.rt,
      rw: family.rw,
      familyStatus: family.familyStatus,
      ...pick<RegsosekHousingRecord>(family.housing, HOUSING_FIELDS),
      ...pick<RegsosekAssetsRecord>(family.assets, ASSET_FIELDS),
      desil: ranking?.desil ?? null,
      percentile: ranking?.percentile ?? null,
      rankingVersion: ranking?.version ?? null,
      rankedAt: ranking?.rankedAt ?? null,
    },
    members: family.members.map(regsosekMemberRow),
    details: [],
  };
}

function regsosekMemberRow(member: RegsosekMemberRecord): RegsosekMemberRow {
  const { difficulty, ...fields } = member;
  return {
    ...fields,
    difficultyVision: difficulty.vision,
    difficultyHearing: difficulty.hearing,
    difficultyWalking: difficulty.walking,
    difficultyHands: difficulty.hands,
    difficultyLearning: difficulty.learning,
    difficultyBehaviour: difficulty.behaviour,
    difficultyCommunication: difficulty.communication,
    difficultySelfCare: difficulty.selfCare,
  };
}

function regsosekRanking(row: RegsosekFamilyRow): RegsosekRankingRecord | null {
  const { desil, percentile, rankingVersion, rankedAt } = row;
  if (desil === null || percentile === null || rankingVersion === null || rankedAt === null) return null;
  return { desil, percentile, version: rankingVersion, rankedAt };
}

export function regsosekFamily(row: RegsosekFamilyRow, members: readonly RegsosekMemberRow[]): RegsosekFamilyRecord {
  return {
    noKK: row.noKK,
    regionCode: row.regionCode,
    address: row.address,
    rt: row.rt,
    rw: row.rw,
    familyStatus: row.familyStatus,
    housing: pick<RegsosekHousingRecord>(row, HOUSING_FIELDS),
    assets: pick<RegsosekAssetsRecord>(row, ASSET_FIELDS),
    ranking: regsosekRanking(row),
    members: members.map(regsosekMember),
  };
}

export function regsosekMember(row: RegsosekMemberRow): RegsosekMemberRecord {
  return {
    nik: row.nik,
    noKK: row.noKK,
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    relationship: row.relationship,
    presence: row.presence,
    schoolParticipation: row.schoolParticipation,
    schoolLevel: row.schoolLevel,
    workedLastWeek: row.workedLastWeek,
    employmentStatus: row.employmentStatus,
    difficulty: {
      vision: row.difficultyVision,
      hearing: row.difficultyHearing,
      walking: row.difficultyWalking,
      hands: row.difficultyHands,
      learning: row.difficultyLearning,
      behaviour: row.difficultyBehaviour,
      communication: row.difficultyCommunication,
      selfCare: row.difficultySelfCare,
    },
    chronicDisease: row.chronicDisease,
    healthInsurance: row.healthInsurance,
    pregnant: row.pregnant,
  };
}
