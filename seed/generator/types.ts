import type { BpjsFamilyRecord } from '../../subgraphs/bpjs/subgraph';
import type { DtksFamilyRecord } from '../../subgraphs/dtks/subgraph';
import type { KemendesFamilyRecord } from '../../subgraphs/kemendes/subgraph';
import type { P3keFamilyRecord } from '../../subgraphs/p3ke/subgraph';
import type { RegsosekFamilyRecord } from '../../subgraphs/regsosek/subgraph';
import type { SeedHousehold } from '../../common/subgraph/seed-batch';
import type { DefectCode } from './defect-rates';

/** Codes the seeder's truth announces: the injected defects, and the disagreements it computes. */
export type TruthCode = DefectCode | 'PBI_JK_RECEIPT_MISMATCH';

export interface TruthDefect {
  readonly code: TruthCode;
  /** The NIK the issue is about, for the per-NIK codes (INVALID_NIK, DUPLICATE_NIK, KK_MISMATCH, DECEASED_RECEIVING). */
  readonly nik?: string;
}

/** What was injected into one household (one No. KK that some register holds). */
export interface TruthLine {
  readonly noKK: string;
  readonly trueDesil: number;
  readonly defects: readonly TruthDefect[];
  /**
   * What targeting must say of a programme for this household, where the seeder knows it exactly
   * (absent: no programme's targeting is known). `npm run quality` measures inclusion and exclusion
   * errors and graduation candidates over the households that carry the programme.
   */
  readonly targeting?: readonly TargetingTruth[];
}

/** The targeting status the seeder expects for one programme of one household. */
export interface TargetingTruth {
  readonly program: string;
  readonly status: 'ON_TARGET' | 'INCLUSION_ERROR' | 'GRADUATION_CANDIDATE' | 'EXCLUSION_ERROR' | 'NOT_TARGETED';
}

export interface GeneratedBatch {
  /** Every family of the batch as it truly is, before defects (what a new stored subgraph seeds from). */
  readonly households: SeedHousehold[];
  readonly dtks: DtksFamilyRecord[];
  readonly regsosek: RegsosekFamilyRecord[];
  readonly p3ke: P3keFamilyRecord[];
  readonly kemendes: KemendesFamilyRecord[];
  readonly bpjs: BpjsFamilyRecord[];
  readonly truth: TruthLine[];
  /** People of these families (each once, however many registers list them). */
  readonly persons: number;
}
