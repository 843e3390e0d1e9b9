import { withoutId } from '../../common/store/entity-columns';
import type { FamilyLinkedRow } from '../../common/store/entity-columns';
import type { FamilyRows } from '../../common/store/family-repository';
import type { KemendesFamilyRow, KemendesRecipientRow } from './entities';
import type { KemendesFamilyRecord, KemendesRecipientRecord } from './records';

export function kemendesRows(family: KemendesFamilyRecord): FamilyRows<KemendesFamilyRow, KemendesRecipientRow, FamilyLinkedRow> {
  const { members, ...fields } = family;
  return { family: fields, members, details: [] };
}

export function kemendesFamily(row: KemendesFamilyRow, recipients: readonly KemendesRecipientRow[]): KemendesFamilyRecord {
  return { ...withoutId(row), members: recipients.map(kemendesRecipient) };
}

export function kemendesRecipient(row: KemendesRecipientRow): KemendesRecipientRecord {
  return withoutId(row);
}
