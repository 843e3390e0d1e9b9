import type { ReceiptProgramme } from '../../../common/programmes';
import type { DtksFamilyRepresentation } from '../representation';

/** DTKS records an ACTIVE receipt of `program` for the family (suspended receipts do not count). */
export function isReceiving(dtks: DtksFamilyRepresentation | null | undefined, program: ReceiptProgramme): boolean {
  return (dtks?.receipts ?? []).some((receipt) => receipt.program === program && receipt.status === 'ACTIVE');
}
