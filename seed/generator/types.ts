import type { DtksFamilyRecord } from '../../subgraphs/dtks/subgraph';
import type { KemendesFamilyRecord } from '../../subgraphs/kemendes/subgraph';
import type { P3keFamilyRecord } from '../../subgraphs/p3ke/subgraph';
import type { RegsosekFamilyRecord } from '../../subgraphs/regsosek/subgraph';
import type { SeedHousehold } from '../../common/subgraph/seed-batch';
import type { DefectCode } from './defect-rates';
import type { TargetingErrorCode, TargetingErrorProgramme } from './targeting-rates';

export interface TruthDefect {
  readonly code: DefectCode;
  /** The NIK the issue is about, for the per-NIK codes (INVALID_NIK, DUPLICATE_NIK, KK_MISMATCH, DECEASED_RECEIVING). */
  readonly nik?: string;
}

/** A programme whose receipt (in a partner register) disagrees with the registers' eligibility. */
export interface TruthTargeting {
  readonly program: TargetingErrorProgramme;
  readonly status: TargetingErrorCode;
}

/** What was injected into one household (one No. KK that some register holds). */
export interface TruthLine {
  readonly noKK: string;
  readonly trueDesil: number;
  readonly defects: readonly TruthDefect[];
  /** Targeting errors of this household, one per programme; absent when there are none. */
  readonly targeting?: readonly TruthTargeting[];
}

export interface GeneratedBatch {
  /** Every family of the batch as it truly is, before defects (what a new stored subgraph seeds from). */
  readonly households: SeedHousehold[];
  readonly dtks: DtksFamilyRecord[];
  readonly regsosek: RegsosekFamilyRecord[];
  readonly p3ke: P3keFamilyRecord[];
  readonly kemendes: KemendesFamilyRecord[];
  readonly truth: TruthLine[];
  /** People of these families (each once, however many registers list them). */
  readonly persons: number;
}
