import type { DataSource } from 'typeorm';
import { createFamilyRepository, type FamilyCondition, type FamilyRepository } from '../../common/store/family-repository';
import { DtksFamilyEntity, DtksMemberEntity, DtksReceiptEntity } from './entities';
import type { DtksFamilyRecord, DtksMemberRecord, DtksProgram, DtksReceiptStatus, DtksVerificationStatus } from './records';
import { dtksFamily, dtksMember, dtksRows } from './rows';

/** The `DtksFamilyFilter` input of subgraphs/dtks/schema.graphql. */
export interface DtksFamilyFilter {
  readonly regionPrefix?: string | null;
  readonly program?: DtksProgram | null;
  readonly receiptStatus?: DtksReceiptStatus | null;
  readonly verificationStatus?: DtksVerificationStatus | null;
}

export type DtksRepository = FamilyRepository<DtksFamilyRecord, DtksMemberRecord, DtksFamilyFilter>;

function dtksConditions(filter: DtksFamilyFilter): FamilyCondition[] {
  const conditions: FamilyCondition[] = [];
  const { program, receiptStatus, verificationStatus } = filter;
  if (program || receiptStatus) {
    // One receipt must match both: "PKH, suspended" is not "some PKH receipt and some suspended one".
    const receipt = [
      'r.no_kk = f.no_kk',
      ...(program ? ['r.program = :program'] : []),
      ...(receiptStatus ? ['r.status = :receiptStatus'] : []),
    ].join(' AND ');
    conditions.push({ sql: `EXISTS (SELECT 1 FROM dtks_receipt r WHERE ${receipt})`, parameters: { program, receiptStatus } });
  }
  if (verificationStatus) {
    conditions.push({ sql: 'f.verification_status = :verificationStatus', parameters: { verificationStatus } });
  }
  return conditions;
}

/** How the DTKS records are laid out in tables; the importer writes through it too. */
export const dtksStoreLayout = {
  family: DtksFamilyEntity,
  member: DtksMemberEntity,
  detail: DtksReceiptEntity,
  toRows: dtksRows,
  toFamily: dtksFamily,
  toMember: dtksMember,
  conditions: dtksConditions,
};

export function createDtksRepository(dataSource: DataSource): DtksRepository {
  return createFamilyRepository(dataSource, dtksStoreLayout);
}
