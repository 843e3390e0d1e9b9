// Plain records of the Regsosek store: what the repository returns and the seeder writes.
// Field names match subgraphs/regsosek/schema.graphql; values are the REGSOSEK2022.K questionnaire codes.
import type { Sex } from '../../common/identifiers';

export type SchoolLevel = 'SD' | 'SMP' | 'SMA' | 'HIGHER';

export interface RegsosekHousingRecord {
  readonly tenure: number;
  readonly floorArea: number;
  readonly floor: number;
  readonly wall: number;
  readonly roof: number;
  readonly drinkingWater: number;
  readonly lighting: number;
  /** 1 450 VA … 5 above 2,200 VA; null without a PLN meter. */
  readonly installedPower: number | null;
  readonly cookingFuel: number;
  readonly toilet: number;
  readonly faecesDisposal: number;
}

export interface RegsosekAssetsRecord {
  readonly gasCylinder: boolean;
  readonly fridge: boolean;
  readonly airConditioner: boolean;
  readonly waterHeater: boolean;
  readonly landline: boolean;
  readonly television: boolean;
  readonly gold: boolean;
  readonly computer: boolean;
  readonly motorcycle: boolean;
  readonly bicycle: boolean;
  readonly car: boolean;
  readonly boat: boolean;
  readonly motorBoat: boolean;
  readonly smartphone: boolean;
  readonly bankAccount: boolean;
  readonly land: boolean;
  readonly landArea: number;
  readonly houseElsewhere: boolean;
  readonly cattle: number;
  readonly buffalo: number;
  readonly horse: number;
  readonly pig: number;
  readonly goat: number;
}

export interface RegsosekRankingRecord {
  readonly desil: number;
  readonly percentile: number;
  readonly version: string;
  /** YYYY-MM-DD */
  readonly rankedAt: string;
}

export interface RegsosekDifficultyRecord {
  readonly vision: number;
  readonly hearing: number;
  readonly walking: number;
  readonly hands: number;
  readonly learning: number;
  readonly behaviour: number;
  readonly communication: number;
  readonly selfCare: number;
}

export interface RegsosekMemberRecord {
  readonly nik: string;
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
  readonly presence: number;
  readonly schoolParticipation: number;
  readonly schoolLevel: SchoolLevel | null;
  readonly workedLastWeek: boolean;
  readonly employmentStatus: number | null;
  readonly difficulty: RegsosekDifficultyRecord;
  readonly chronicDisease: boolean;
  readonly healthInsurance: number;
  readonly pregnant: boolean;
}

export interface RegsosekFamilyRecord {
  readonly noKK: string;
  readonly regionCode: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
  readonly familyStatus: number;
  readonly housing: RegsosekHousingRecord;
  readonly assets: RegsosekAssetsRecord;
  readonly ranking: RegsosekRankingRecord | null;
  readonly members: readonly RegsosekMemberRecord[];
}
