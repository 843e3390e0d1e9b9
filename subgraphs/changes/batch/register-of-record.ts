import type { HouseholdField } from '../records';

// Which register records what a verified request changes (docs/rules.md, "Change requests in the
// registers"). DTKS is SIKS-NG's register of record: the Dinsos verification that makes a request
// VERIFIED is DTKS's own, so new families, members and the address go there. The housing fields
// are Regsosek's (BPS's questionnaire codes), which the ranking reads. Programme proposals and
// objections change no register: they are decisions for the programme's owner.

/** A register's CSV column a household field is written to. */
export interface FieldColumn {
  readonly register: string;
  readonly column: string;
}

export const NEW_FAMILY_REGISTER = 'dtks';
export const MEMBER_EVENT_REGISTER = 'dtks';

export const FIELD_COLUMNS: Readonly<Record<HouseholdField, FieldColumn>> = {
  ADDRESS: { register: 'dtks', column: 'address' },
  RT: { register: 'dtks', column: 'rt' },
  RW: { register: 'dtks', column: 'rw' },
  FLOOR_AREA: { register: 'regsosek', column: 'floor_area' },
  DRINKING_WATER: { register: 'regsosek', column: 'drinking_water' },
  LIGHTING: { register: 'regsosek', column: 'lighting' },
};

/** Every register a batch may write a file for, in the order its files are listed. */
export const BATCH_REGISTERS: readonly string[] = [...new Set([NEW_FAMILY_REGISTER, MEMBER_EVENT_REGISTER, ...Object.values(FIELD_COLUMNS).map((entry) => entry.register)])];

/**
 * The DTKS family columns of a new family beyond those the proposal gives (No. KK, village,
 * address): verified by Dinsos on the day of the verification (its UTC day, as the importer checks dates), active, no legacy
 * percentile, no receipts yet, RT and RW unknown (000) until a household update gives them, and a
 * DTKS id made from the No. KK.
 */
export function newDtksFamilyCells(noKK: string, verifiedOn: string): Readonly<Record<string, string>> {
  return {
    dtks_id: `USUL${noKK}`,
    rt: '000',
    rw: '000',
    verification_status: 'VERIFIED',
    verified_at: verifiedOn,
    active: '1',
    welfare_percentile: '',
    receipts: '',
  };
}

/** How a caseworker's reason names a register. */
export const REGISTER_LABELS: Readonly<Record<string, string>> = { dtks: 'DTKS', regsosek: 'Regsosek' };

export const labelOf = (register: string): string => REGISTER_LABELS[register] ?? register;
