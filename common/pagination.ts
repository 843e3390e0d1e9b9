import { badUserInput } from './errors';
import { plainRegionCode } from './regions';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The page size a listing asked for: 20 when absent, else an integer from 1 to 100. */
export function parseFirst(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

/** Bumped when the payload changes, so old cursors fail as malformed instead of misreading. */
const CURSOR_VERSION = 1;
/** Longer than any No. KK a store holds, short enough that a cursor cannot carry junk. */
const MAX_CURSOR_KEY_LENGTH = 64;

/** An opaque cursor for the position just after the family with this No. KK. */
export function encodeCursor(noKK: string): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, k: noKK }), 'utf8').toString('base64url');
}

/** The No. KK a cursor points after; null for no cursor; BAD_USER_INPUT naming `after` when malformed. */
export function decodeCursor(after: string | null | undefined): string | null {
  if (after === null || after === undefined) return null;
  const noKK = readCursorKey(after);
  if (noKK === null) throw badUserInput('after is not a cursor returned by this listing', 'after');
  return noKK;
}

function readCursorKey(after: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(after)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const { v, k } = payload as { v?: unknown; k?: unknown };
  if (v !== CURSOR_VERSION || typeof k !== 'string' || k.length === 0 || k.length > MAX_CURSOR_KEY_LENGTH) return null;
  return k;
}

/**
 * A region prefix filter as plain digits (`31.72` → `3172`); null when absent; BAD_USER_INPUT
 * naming `filter.regionPrefix` when it is not a Kemendagri code prefix.
 */
export function parseRegionPrefix(prefix: string | null | undefined): string | null {
  if (prefix === null || prefix === undefined) return null;
  const plain = plainRegionCode(prefix);
  if (plain === null) {
    throw badUserInput(
      `filter.regionPrefix must be a region code prefix such as 31.72, 3172 or 3172011001, got "${prefix}"`,
      'filter.regionPrefix',
    );
  }
  return plain;
}

/** One page of a keyset listing ordered by No. KK. */
export interface FamilyPage {
  readonly noKKs: string[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export interface FamilyConnection {
  readonly nodes: { readonly noKK: string }[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  /** A function is called by graphql-js only when the client selects the field. */
  readonly totalCount: number | (() => Promise<number>);
}

/** The GraphQL connection of a page: households by key, the cursor after the last one. */
export function toFamilyConnection(page: Omit<FamilyPage, 'totalCount'> & Pick<FamilyConnection, 'totalCount'>): FamilyConnection {
  const last = page.noKKs.at(-1);
  return {
    nodes: page.noKKs.map((noKK) => ({ noKK })),
    pageInfo: { endCursor: last === undefined ? null : encodeCursor(last), hasNextPage: page.hasNextPage },
    totalCount: page.totalCount,
  };
}
