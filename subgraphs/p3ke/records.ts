// Plain records of the P3KE store: what the repository returns and the seeder writes.
// Field names match subgraphs/p3ke/schema.graphql.
import type { Sex } from '../../common/identifiers';

export interface P3keInterventionRecord {
  readonly program: string;
  readonly year: number;
}

export interface P3keMemberRecord {
  readonly nik: string;
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
  readonly inSchool: boolean;
  readonly working: boolean;
}

export interface P3keFamilyRecord {
  readonly noKK: string;
  readonly regionCode: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
  /** 1-4 */
  readonly desil: number;
  readonly extremePoor: boolean;
  readonly liveableHouse: boolean;
  readonly cleanWater: boolean;
  readonly sanitation: boolean;
  readonly interventions: readonly P3keInterventionRecord[];
  readonly members: readonly P3keMemberRecord[];
}
