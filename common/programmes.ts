// The social-assistance programmes, declared once: the rule set, the index columns, DTKS receipts,
// tokens and the import format all derive from these. The SDL enums `Program` and `DtksProgram`
// cannot import TypeScript, so test/common/programmes.test.ts holds them to this list.

/**
 * The programmes DTKS records receipt of, so targeting (receipt against eligibility) is known for
 * them alone. They come first in the canonical order, which is why PROGRAMMES is built from them.
 */
export const RECEIPT_PROGRAMMES = ['PKH', 'BPNT', 'PBI_JK', 'PIP'] as const;
export type ReceiptProgramme = (typeof RECEIPT_PROGRAMMES)[number];

/** Every programme the rule set decides eligibility for, in the order the gateway lists them. BLT-DD is paid from desa funds, so DTKS does not record it (Kemendes does). */
export const PROGRAMMES = [...RECEIPT_PROGRAMMES, 'BLT_DD'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** How explanations name a programme (the enum values cannot hold a hyphen). */
export const PROGRAMME_NAMES: Readonly<Record<Programme, string>> = {
  PKH: 'PKH',
  BPNT: 'BPNT',
  PBI_JK: 'PBI-JK',
  PIP: 'PIP',
  BLT_DD: 'BLT-DD',
};

/**
 * The programmes whose receipt a register records, so that targeting (receipt against eligibility)
 * is known: DTKS's four, and BLT-DD from Kemendes (the desa's records).
 */
export const TARGETED_PROGRAMMES = [...RECEIPT_PROGRAMMES, 'BLT_DD'] as const satisfies readonly Programme[];
export type TargetedProgramme = (typeof TARGETED_PROGRAMMES)[number];

export function isProgramme(value: unknown): value is Programme {
  return typeof value === 'string' && (PROGRAMMES as readonly string[]).includes(value);
}

export function isReceiptProgramme(value: unknown): value is ReceiptProgramme {
  return typeof value === 'string' && (RECEIPT_PROGRAMMES as readonly string[]).includes(value);
}

export function isTargetedProgramme(value: unknown): value is TargetedProgramme {
  return typeof value === 'string' && (TARGETED_PROGRAMMES as readonly string[]).includes(value);
}
