import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { badUserInput } from './errors';

/**
 * A place in a keyset listing: just after the family whose listing key and No. KK these are. The
 * No. KK is personal data, so a cursor carrying it is encrypted, not merely encoded.
 */
export interface ListingPosition {
  readonly listingKey: string;
  readonly noKK: string;
}

/**
 * What a cursor is valid for: the listing (`households`, `dtksFamilies`, …) and the filter it was
 * issued under. A cursor used with another listing or another filter is refused, so a client cannot
 * carry a position from one question into another.
 */
export interface CursorBinding {
  readonly listing: string;
  readonly filter: unknown;
}

export interface CursorCodec {
  encode(binding: CursorBinding, position: ListingPosition): string;
  /** The position `after` names; null for no cursor; BAD_USER_INPUT naming `after` for any cursor this server did not issue for `binding`. */
  decode(binding: CursorBinding, after: string | null | undefined): ListingPosition | null;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Tells this key's purpose apart from every other use of the secret it is derived from. */
const KEY_INFO = 'dtsen listing cursor v2';
/** A listing key is 16 hex digits, a No. KK at most 16 characters: a longer cursor is not ours. */
const MAX_CURSOR_LENGTH = 256;

/** JSON with object keys sorted and absent or null members left out, so equal filters bind equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== null && member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function associatedData(binding: CursorBinding): Buffer {
  return Buffer.from(`${binding.listing}\u0000${canonicalJson(binding.filter)}`, 'utf8');
}

function notOurs(): Error {
  return badUserInput('after is not a cursor this listing returned for this filter', 'after');
}

/**
 * Cursors as AES-256-GCM ciphertext under a key derived (HKDF-SHA256) from `secret`, with the
 * listing and its filter as associated data: opaque (the position cannot be read), tamper-proof
 * (a changed or invented cursor fails authentication) and bound to the question it answers. Every
 * process that issues or reads cursors derives the same key from the same secret, so a cursor from
 * one gateway or register replica is good on the next.
 */
export function createCursorCodec(secret: string): CursorCodec {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32));
  return {
    encode(binding, position) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      cipher.setAAD(associatedData(binding));
      const payload = Buffer.from(JSON.stringify([position.listingKey, position.noKK]), 'utf8');
      const sealed = Buffer.concat([cipher.update(payload), cipher.final()]);
      return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
    },

    decode(binding, after) {
      if (after === null || after === undefined) return null;
      if (after.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(after)) throw notOurs();
      const bytes = Buffer.from(after, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) throw notOurs();
      let payload: unknown;
      try {
        const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(associatedData(binding));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
        payload = JSON.parse(plain.toString('utf8'));
      } catch {
        throw notOurs();
      }
      // Authenticated, so written by this code; the shape check guards against a change of format.
      if (!Array.isArray(payload) || payload.length !== 2 || !payload.every((part) => typeof part === 'string')) throw notOurs();
      const [listingKey, noKK] = payload as [string, string];
      return { listingKey, noKK };
    },
  };
}
