import { EntitySchema } from 'typeorm';
import {
  entityColumn,
  familyBaseColumns,
  familyIndices,
  foreignKeyToFamily,
  memberBaseColumns,
  memberIndices,
  type FamilyBaseRow,
  type FamilyLinkedRow,
  type MemberBaseRow,
} from '../../common/store/entity-columns';
import type { BpjsSegment, BpjsStatus } from './records';

export type BpjsFamilyRow = FamilyBaseRow;

export interface BpjsEnrolmentRow extends MemberBaseRow {
  readonly enrolled: boolean;
  readonly class: number;
  readonly since: string;
  readonly status: BpjsStatus;
  readonly segment: BpjsSegment;
}

export const BpjsFamilyEntity = new EntitySchema<BpjsFamilyRow>({
  name: 'BpjsFamily',
  tableName: 'bpjs_family',
  columns: { ...familyBaseColumns },
  indices: familyIndices('bpjs_family'),
});

export const BpjsEnrolmentEntity = new EntitySchema<BpjsEnrolmentRow>({
  name: 'BpjsEnrolment',
  tableName: 'bpjs_enrolment',
  columns: {
    ...memberBaseColumns,
    enrolled: entityColumn.boolean('enrolled'),
    class: entityColumn.smallint('care_class'),
    since: entityColumn.varchar('since', 7),
    status: entityColumn.varchar('status', 9),
    segment: entityColumn.varchar('segment', 8),
  },
  indices: [...memberIndices('bpjs_enrolment'), { name: 'idx_bpjs_enrolment_segment', columns: ['segment'] }],
  foreignKeys: foreignKeyToFamily('bpjs_enrolment', BpjsFamilyEntity),
});

/** BPJS has no detail table; the layout's detail row type is the family-linked base. */
export type BpjsDetailRow = FamilyLinkedRow;
