// Plain records of the BPJS Kesehatan store: what the repository returns and the seeder writes.
// Field names match subgraphs/bpjs/schema.graphql.
import type { Sex } from '../../common/identifiers';

/** Who pays the premium (BpjsSegment in the SDL). */
export const BPJS_SEGMENTS = ['PBI_APBN', 'PBI_APBD', 'PPU', 'PBPU', 'BP'] as const;
export type BpjsSegment = (typeof BPJS_SEGMENTS)[number];

export const BPJS_STATUSES = ['ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type BpjsStatus = (typeof BPJS_STATUSES)[number];

/** A person's JKN enrolment, under the No. KK BPJS records for them. */
export interface BpjsEnrolmentRecord {
  readonly nik: string;
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
  /** ACTIVE or SUSPENDED; false once ENDED. */
  readonly enrolled: boolean;
  /** Care class 1-3; PBI is class 3. */
  readonly class: number;
  /** YYYY-MM */
  readonly since: string;
  readonly status: BpjsStatus;
  readonly segment: BpjsSegment;
}

/**
 * The enrolments BPJS records under one No. KK, with the address it holds for them: the store keeps
 * them per family like every register, so the family's enrolments are one IN-query batch.
 */
export interface BpjsFamilyRecord {
  readonly noKK: string;
  readonly regionCode: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
  readonly members: readonly BpjsEnrolmentRecord[];
}
