import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isProgramme } from '../programmes';
import { isRole, scopesOf, type Principal } from './principal';

/**
 * The gateway tells a subgraph who is asking in two headers: the principal (base64url JSON) and an
 * HMAC-SHA256 over the principal, a timestamp and the SHA-256 of the request body. A subgraph
 * refuses a request whose signature is missing, does not match, or is older than the validity, so
 * a subgraph reached directly serves nobody, and a captured request cannot be altered or replayed
 * later.
 */
export const PRINCIPAL_HEADER = 'x-dtsen-principal';
export const SIGNATURE_HEADER = 'x-dtsen-signature';

/** Long enough for a slow network hop and modest clock skew, short enough to make replays useless. */
export const SIGNATURE_VALIDITY_MS = 30_000;

/** Shorter secrets are refused by configuration: HMAC keys should carry at least 256 bits. */
export const MIN_SECRET_LENGTH = 32;

export interface SignedHeaders {
  readonly [PRINCIPAL_HEADER]: string;
  readonly [SIGNATURE_HEADER]: string;
}

/** By principal object: a gateway request's principal goes with each of its subgraph calls, and a principal is never changed once made. */
const encodedPrincipals = new WeakMap<Principal, string>();

export function encodePrincipal(principal: Principal): string {
  let encoded = encodedPrincipals.get(principal);
  if (encoded === undefined) {
    encoded = Buffer.from(JSON.stringify(principal)).toString('base64url');
    encodedPrincipals.set(principal, encoded);
  }
  return encoded;
}

function mac(secret: string, timestamp: number, encodedPrincipal: string, body: string | Buffer): string {
  const bodyDigest = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`v1\n${timestamp}\n${encodedPrincipal}\n${bodyDigest}`).digest('base64url');
}

/** The headers that authenticate `body` as sent by the gateway on behalf of `encodedPrincipal`. */
export function signRequest(secret: string, encodedPrincipal: string, body: string | Buffer, now = Date.now()): SignedHeaders {
  return {
    [PRINCIPAL_HEADER]: encodedPrincipal,
    [SIGNATURE_HEADER]: `t=${now},v1=${mac(secret, now, encodedPrincipal, body)}`,
  };
}

export class SignatureError extends Error {}

/**
 * The principal of a signed request, or a SignatureError saying why not. `body` must be the exact
 * bytes received.
 */
export function verifySignedRequest(
  secret: string,
  headers: { readonly principal: string | undefined; readonly signature: string | undefined },
  body: Buffer,
  now = Date.now(),
): Principal {
  const { principal: encoded, signature } = headers;
  if (!encoded || !signature) throw new SignatureError('the request is not signed by the gateway');
  const match = /^t=(\d{1,15}),v1=([A-Za-z0-9_-]{43})$/.exec(signature);
  if (!match) throw new SignatureError('the signature is malformed');
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > SIGNATURE_VALIDITY_MS) throw new SignatureError('the signature has expired');
  const expected = Buffer.from(mac(secret, timestamp, encoded, body));
  const given = Buffer.from(match[2] as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new SignatureError('the signature does not match');
  }
  return decodePrincipal(encoded);
}

/** The principal a valid signature vouches for; still checked, so a gateway bug cannot widen access. */
function decodePrincipal(encoded: string): Principal {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new SignatureError('the principal is not JSON');
  }
  const raw = value as Record<string, unknown>;
  const strings = (item: unknown): item is string[] => Array.isArray(item) && item.every((entry) => typeof entry === 'string');
  if (
    typeof raw !== 'object' ||
    raw === null ||
    typeof raw['subject'] !== 'string' ||
    typeof raw['organisation'] !== 'string' ||
    typeof raw['purpose'] !== 'string' ||
    !(raw['operation'] === null || typeof raw['operation'] === 'string') ||
    !Array.isArray(raw['roles']) ||
    !raw['roles'].every(isRole) ||
    !(raw['regions'] === null || strings(raw['regions'])) ||
    !(raw['programmes'] === null || (Array.isArray(raw['programmes']) && raw['programmes'].every(isProgramme)))
  ) {
    throw new SignatureError('the principal is malformed');
  }
  const roles = raw['roles'];
  return Object.freeze({
    subject: raw['subject'],
    organisation: raw['organisation'],
    roles,
    // Scopes follow from the roles; a principal cannot claim more than its roles give.
    scopes: scopesOf(roles),
    regions: raw['regions'] as string[] | null,
    programmes: raw['programmes'] as Principal['programmes'],
    purpose: raw['purpose'],
    operation: raw['operation'] as string | null,
  });
}
