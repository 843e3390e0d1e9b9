// Plain records of the Kemendes store: what the repository returns and the seeder writes.
// Field names match subgraphs/kemendes/schema.graphql.
import type { Sex } from '../../common/identifiers';

/** ACTIVE: paid this month; SUSPENDED: held back (e.g. awaiting the desa's re-verification); ENDED: no longer paid. */
export type BltDdStatus = 'ACTIVE' | 'SUSPENDED' | 'ENDED';
export const BLT_DD_STATUSES: readonly BltDdStatus[] = ['ACTIVE', 'SUSPENDED', 'ENDED'];

/** The person the desa pays (the KPM, usually the head of the family), as its list names them. */
export interface KemendesRecipientRecord {
  readonly nik: string;
  readonly noKK: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly relationship: number;
}

/**
 * A family's BLT Dana Desa receipt as its desa records it, one per No. KK. `members` is named as
 * every register's is, so the shared resolvers and the audit trail read it alike.
 */
export interface KemendesFamilyRecord {
  readonly noKK: string;
  /** The paying desa's village code, 10 digits. */
  readonly regionCode: string;
  readonly address: string;
  readonly rt: string;
  readonly rw: string;
  /** YYYY-MM: the first month paid. */
  readonly since: string;
  readonly status: BltDdStatus;
  /** Rupiah a month. */
  readonly monthlyAmount: number;
  readonly members: readonly KemendesRecipientRecord[];
}
