import type { Source } from '../sources';
import type { Statement } from '../statement';

export type DataQualityCode =
  | 'INVALID_NIK'
  | 'DUPLICATE_NIK'
  | 'KK_MISMATCH'
  | 'DESIL_CONFLICT'
  | 'DECEASED_RECEIVING'
  | 'MISSING_FROM_REGSOSEK'
  | 'REGION_MISMATCH'
  | 'PBI_JK_RECEIPT_MISMATCH';

export interface DataQualityIssue {
  readonly code: DataQualityCode;
  readonly sources: readonly Source[];
  /** The member concerned; null for issues about the family. */
  readonly nik: string | null;
  /** What was found, for a caseworker; the NIKs and No. KKs in it are marked (statement.ts). */
  readonly detail: Statement;
}
