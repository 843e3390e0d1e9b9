import { EntitySchema } from 'typeorm';
import {
  entityColumn,
  familyBaseColumns,
  familyIndices,
  familyLinkedColumns,
  familyLinkedIndices,
  foreignKeyToFamily,
  memberBaseColumns,
  memberIndices,
  type FamilyBaseRow,
  type FamilyLinkedRow,
  type MemberBaseRow,
} from '../../common/store/entity-columns';
import type { DtksProgram, DtksReceiptStatus, DtksVerificationStatus } from './records';

export interface DtksFamilyRow extends FamilyBaseRow {
  readonly dtksId: string;
  readonly verificationStatus: DtksVerificationStatus;
  readonly verifiedAt: string | null;
  readonly active: boolean;
  readonly welfarePercentile: number | null;
}

export type DtksMemberRow = MemberBaseRow;

export interface DtksReceiptRow extends FamilyLinkedRow {
  readonly program: DtksProgram;
  readonly since: string;
  readonly status: DtksReceiptStatus;
  /** PKH components joined by commas; empty for other programmes. */
  readonly pkhComponents: string;
}

export const DtksFamilyEntity = new EntitySchema<DtksFamilyRow>({
  name: 'DtksFamily',
  tableName: 'dtks_family',
  columns: {
    ...familyBaseColumns,
    dtksId: entityColumn.varchar('dtks_id', 32),
    verificationStatus: entityColumn.varchar('verification_status', 10),
    verifiedAt: entityColumn.date('verified_at', true),
    active: entityColumn.boolean('active'),
    welfarePercentile: entityColumn.smallint('welfare_percentile', true),
  },
  indices: familyIndices('dtks_family'),
});

export const DtksMemberEntity = new EntitySchema<DtksMemberRow>({
  name: 'DtksMember',
  tableName: 'dtks_member',
  columns: memberBaseColumns,
  indices: memberIndices('dtks_member'),
  foreignKeys: foreignKeyToFamily('dtks_member', DtksFamilyEntity),
});

export const DtksReceiptEntity = new EntitySchema<DtksReceiptRow>({
  name: 'DtksReceipt',
  tableName: 'dtks_receipt',
  columns: {
    ...familyLinkedColumns,
    program: entityColumn.varchar('program', 8),
    since: entityColumn.date('since'),
    status: entityColumn.varchar('status', 10),
    pkhComponents: entityColumn.varchar('pkh_components', 128),
  },
  indices: familyLinkedIndices('dtks_receipt'),
  foreignKeys: foreignKeyToFamily('dtks_receipt', DtksFamilyEntity),
});
