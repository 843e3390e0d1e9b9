import { withoutId } from '../../common/store/entity-columns';
import type { FamilyRows } from '../../common/store/family-repository';
import type { DtksFamilyRow, DtksMemberRow, DtksReceiptRow } from './entities';
import type { DtksFamilyRecord, DtksMemberRecord, DtksReceiptRecord, PkhComponent } from './records';

export function dtksRows(family: DtksFamilyRecord): FamilyRows<DtksFamilyRow, DtksMemberRow, DtksReceiptRow> {
  const { receipts, members, ...fields } = family;
  return {
    family: fields,
    members,
    details: receipts.map((receipt) => ({
      noKK: family.noKK,
      program: receipt.program,
      since: receipt.since,
      status: receipt.status,
      pkhComponents: receipt.pkhComponents.join(','),
    })),
  };
}

export function dtksFamily(
  row: DtksFamilyRow,
  members: readonly DtksMemberRow[],
  receipts: readonly DtksReceiptRow[],
): DtksFamilyRecord {
  return { ...withoutId(row), receipts: receipts.map(dtksReceipt), members: members.map(dtksMember) };
}

export function dtksMember(row: DtksMemberRow): DtksMemberRecord {
  return withoutId(row);
}

function dtksReceipt(row: DtksReceiptRow): DtksReceiptRecord {
  return {
    program: row.program,
    since: row.since,
    status: row.status,
    pkhComponents: row.pkhComponents === '' ? [] : (row.pkhComponents.split(',') as PkhComponent[]),
  };
}
