import { EntitySchema } from 'typeorm';
import {
  entityColumn,
  familyBaseColumns,
  familyIndices,
  foreignKeyToFamily,
  memberBaseColumns,
  memberIndices,
  type FamilyBaseRow,
  type MemberBaseRow,
} from '../../common/store/entity-columns';
import type { RegsosekAssetsRecord, RegsosekHousingRecord, SchoolLevel } from './records';

/** Housing and assets are stored flat, one column each, as the questionnaire codes them. */
export interface RegsosekFamilyRow extends FamilyBaseRow, RegsosekHousingRecord, RegsosekAssetsRecord {
  readonly familyStatus: number;
  /** The ranking columns are all null while the family is not ranked. */
  readonly desil: number | null;
  readonly percentile: number | null;
  readonly rankingVersion: string | null;
  readonly rankedAt: string | null;
}

export interface RegsosekMemberRow extends MemberBaseRow {
  readonly presence: number;
  readonly schoolParticipation: number;
  readonly schoolLevel: SchoolLevel | null;
  readonly workedLastWeek: boolean;
  readonly employmentStatus: number | null;
  readonly difficultyVision: number;
  readonly difficultyHearing: number;
  readonly difficultyWalking: number;
  readonly difficultyHands: number;
  readonly difficultyLearning: number;
  readonly difficultyBehaviour: number;
  readonly difficultyCommunication: number;
  readonly difficultySelfCare: number;
  readonly chronicDisease: boolean;
  readonly healthInsurance: number;
  readonly pregnant: boolean;
}

const { smallint: code, boolean: flag, integer: quantity } = entityColumn;
const optionalCode = (name: string) => entityColumn.smallint(name, true);

export const RegsosekFamilyEntity = new EntitySchema<RegsosekFamilyRow>({
  name: 'RegsosekFamily',
  tableName: 'regsosek_family',
  columns: {
    ...familyBaseColumns,
    familyStatus: code('family_status'),
    tenure: code('tenure'),
    floorArea: quantity('floor_area'),
    floor: code('floor'),
    wall: code('wall'),
    roof: code('roof'),
    drinkingWater: code('drinking_water'),
    lighting: code('lighting'),
    installedPower: optionalCode('installed_power'),
    cookingFuel: code('cooking_fuel'),
    toilet: code('toilet'),
    faecesDisposal: code('faeces_disposal'),
    gasCylinder: flag('gas_cylinder'),
    fridge: flag('fridge'),
    airConditioner: flag('air_conditioner'),
    waterHeater: flag('water_heater'),
    landline: flag('landline'),
    television: flag('television'),
    gold: flag('gold'),
    computer: flag('computer'),
    motorcycle: flag('motorcycle'),
    bicycle: flag('bicycle'),
    car: flag('car'),
    boat: flag('boat'),
    motorBoat: flag('motor_boat'),
    smartphone: flag('smartphone'),
    bankAccount: flag('bank_account'),
    land: flag('land'),
    landArea: quantity('land_area'),
    houseElsewhere: flag('house_elsewhere'),
    cattle: quantity('cattle'),
    buffalo: quantity('buffalo'),
    horse: quantity('horse'),
    pig: quantity('pig'),
    goat: quantity('goat'),
    desil: optionalCode('desil'),
    percentile: optionalCode('percentile'),
    rankingVersion: entityColumn.varchar('ranking_version', 16, true),
    rankedAt: entityColumn.date('ranked_at', true),
  },
  indices: [...familyIndices('regsosek_family'), { name: 'idx_regsosek_family_desil', columns: ['desil'] }],
});

export const RegsosekMemberEntity = new EntitySchema<RegsosekMemberRow>({
  name: 'RegsosekMember',
  tableName: 'regsosek_member',
  columns: {
    ...memberBaseColumns,
    presence: code('presence'),
    schoolParticipation: code('school_participation'),
    schoolLevel: entityColumn.varchar('school_level', 6, true),
    workedLastWeek: flag('worked_last_week'),
    employmentStatus: optionalCode('employment_status'),
    difficultyVision: code('difficulty_vision'),
    difficultyHearing: code('difficulty_hearing'),
    difficultyWalking: code('difficulty_walking'),
    difficultyHands: code('difficulty_hands'),
    difficultyLearning: code('difficulty_learning'),
    difficultyBehaviour: code('difficulty_behaviour'),
    difficultyCommunication: code('difficulty_communication'),
    difficultySelfCare: code('difficulty_self_care'),
    chronicDisease: flag('chronic_disease'),
    healthInsurance: code('health_insurance'),
    pregnant: flag('pregnant'),
  },
  indices: memberIndices('regsosek_member'),
  foreignKeys: foreignKeyToFamily('regsosek_member', RegsosekFamilyEntity),
});
