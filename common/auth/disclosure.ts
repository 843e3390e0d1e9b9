import { maskAddress, maskBirthDate, maskIdentifier, maskName } from './masking';
import { hasScope, type Principal } from './principal';

// Who may see what (docs/security.md, "What each role can learn"). Every path that returns
// protected data, or anything computed from it, asks here: the registers' fields, the dtsen
// subgraph's reasons, details and checks, the gateway's entity keys and the CSV export. A value
// derived from protected data is as protected as its source, so each path shows a derived value
// only when the reader may see what it was derived from.

/** Identity data and how each kind is masked for a reader without the `pii` scope. */
const IDENTITY_MASKS = {
  /** NIK and No. KK: `3171********0002`. */
  identifier: maskIdentifier,
  name: maskName,
  /** Street address, RT and RW: `***`. */
  address: maskAddress,
  /** `1971-**-**`. */
  birthDate: maskBirthDate,
} as const;

export type IdentityKind = keyof typeof IDENTITY_MASKS;

/**
 * NIK, No. KK, names, addresses, RT/RW and birth dates, and what is computed from them (the parts
 * of a NIK a structure check reads): with the `pii` scope as stored, otherwise masked or withheld.
 */
export function seesIdentity(principal: Principal): boolean {
  return hasScope(principal, 'pii');
}

/** How a value of this kind is shown to the principal: as stored, or masked. */
export function shownIdentity(principal: Principal, kind: IdentityKind): (value: string) => string {
  return seesIdentity(principal) ? (value) => value : IDENTITY_MASKS[kind];
}

/**
 * Disability, chronic disease, health insurance, pregnancy and PKH components, and what is
 * computed from them (which member a reason or a benefit names for them): only with `sensitive`.
 */
export function seesSensitive(principal: Principal): boolean {
  return hasScope(principal, 'sensitive');
}
