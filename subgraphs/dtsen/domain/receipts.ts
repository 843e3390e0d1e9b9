import type { ReceiptProgramme } from '../../../common/programmes';
import type { DtksFamilyRepresentation, KemendesReceiptRepresentation } from '../representation';

/** DTKS records an ACTIVE receipt of `program` for the family (suspended receipts do not count). */
export function isReceiving(dtks: DtksFamilyRepresentation | null | undefined, program: ReceiptProgramme): boolean {
  return (dtks?.receipts ?? []).some((receipt) => receipt.program === program && receipt.status === 'ACTIVE');
}

/** Kemendes records an ACTIVE BLT Dana Desa receipt for the family (suspended and ended ones do not count). */
export function isReceivingBltDd(kemendes: KemendesReceiptRepresentation | null | undefined): boolean {
  return kemendes?.status === 'ACTIVE';
}
