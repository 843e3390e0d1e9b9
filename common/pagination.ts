import type { ListingPosition } from './cursor';
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

/** One page of a keyset listing ordered by listing key (then No. KK). */
export interface FamilyPage {
  readonly families: readonly ListingPosition[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export interface FamilyConnection {
  readonly nodes: { readonly noKK: string }[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
  /** A function is called by graphql-js only when the client selects the field. */
  readonly totalCount: number | (() => Promise<number>);
}

/** The GraphQL connection of a page: households by key, and the cursor after the last one, sealed by `cursorAfter`. */
export function toFamilyConnection(
  page: Omit<FamilyPage, 'totalCount'> & Pick<FamilyConnection, 'totalCount'>,
  cursorAfter: (position: ListingPosition) => string,
): FamilyConnection {
  const last = page.families.at(-1);
  return {
    nodes: page.families.map(({ noKK }) => ({ noKK })),
    pageInfo: { endCursor: last === undefined ? null : cursorAfter(last), hasNextPage: page.hasNextPage },
    totalCount: page.totalCount,
  };
}
