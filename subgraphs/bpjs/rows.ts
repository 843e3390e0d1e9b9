import { withoutId } from '../../common/store/entity-columns';
import type { FamilyRows } from '../../common/store/family-repository';
import type { BpjsDetailRow, BpjsEnrolmentRow, BpjsFamilyRow } from './entities';
import type { BpjsEnrolmentRecord, BpjsFamilyRecord } from './records';

export function bpjsRows(family: BpjsFamilyRecord): FamilyRows<BpjsFamilyRow, BpjsEnrolmentRow, BpjsDetailRow> {
  const { members, ...fields } = family;
  return { family: fields, members, details: [] };
}

export function bpjsFamily(row: BpjsFamilyRow, members: readonly BpjsEnrolmentRow[]): BpjsFamilyRecord {
  return { ...withoutId(row), members: members.map(bpjsEnrolment) };
}

export function bpjsEnrolment(row: BpjsEnrolmentRow): BpjsEnrolmentRecord {
  return withoutId(row);
}
