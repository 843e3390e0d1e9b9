import { hkdfSync } from 'node:crypto';

/**
 * Each subgraph verifies the gateway's signature with a key of its own, so the key handed to one
 * ministry's subgraph cannot sign calls to any other. A subgraph's key is `<NAME>_SIGNING_SECRET`
 * when set, else derived from PRINCIPAL_SIGNING_SECRET with HKDF (info: the subgraph's name): a
 * one-secret deployment keeps working, and the derived key alone can be handed to a ministry
 * without giving it the secret every other key follows from.
 */

/** Separates these keys from every other key derived from the same secret (the cursor key among them). */
const KEY_SALT = 'dtsen subgraph signing key v1';
const KEY_BYTES = 32;

/** The variable that holds a subgraph's own key: `dtks` → `DTKS_SIGNING_SECRET`. */
export function signingKeyVariable(subgraph: string): string {
  return `${subgraph.toUpperCase()}_SIGNING_SECRET`;
}

/** The key `subgraph` verifies with when no key of its own is configured. */
export function derivedSigningKey(principalSecret: string, subgraph: string): string {
  return Buffer.from(hkdfSync('sha256', principalSecret, KEY_SALT, subgraph, KEY_BYTES)).toString('base64url');
}

/** A subgraph's key by its name: the configured one, else the derived one. */
export type SigningKeys = (subgraph: string) => string;

/** `explicit`: configured keys by subgraph name; the others derive from `principalSecret`. */
export function signingKeysOf(principalSecret: string, explicit: Readonly<Record<string, string>> = {}): SigningKeys {
  return (subgraph) => explicit[subgraph] ?? derivedSigningKey(principalSecret, subgraph);
}
