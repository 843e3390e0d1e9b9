// Plain records of the DTKS store: what the repository returns and the seeder writes.
// Field names match subgraphs/dtks/schema.graphql so resolvers can return them as they are.
import type { Sex } from '../../common/identifiers';
import type { ReceiptProgramme } from '../../common/programmes';

export type DtksProgram = ReceiptProgramme;
export type DtksReceiptStatus = 'ACTIVE' | 'SUSPENDED';
export type DtksVerificationStatus = 'VERIFIED' | 'UNVERIFIED' | 'REJECTED';
export type PkhComponent =
  | 'PREGNANT'
  | 'EARLY_CHILDHOOD'
  | 'PUPIL_SD'
  | 'PUPIL_SMP'
  | 'PUPIL_SMA'
  | 'SEVERE_DISABILITY'
  | 'ELDERLY';

export interface DtksReceiptRecord {
  readonly program: DtksProgram;
  /** YYYY-MM-DD */
  readonly since: string;
  readonly status: DtksReceiptStatus;
  readonly pkhComponents: readonly PkhComponent[];
}

export interface DtksMemberRecord {
  readonly nik: string;
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly relationship: number;
}

export interface DtksFamilyRecord {
  readonly dtksId: string;
  readonly noKK: string;
  readonly regionCode: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
  readonly verificationStatus: DtksVerificationStatus;
  readonly verifiedAt: string | null;
  readonly active: boolean;
  readonly welfarePercentile: number | null;
  readonly receipts: readonly DtksReceiptRecord[];
  readonly members: readonly DtksMemberRecord[];
}
