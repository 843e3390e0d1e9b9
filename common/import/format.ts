import type { Codec } from './codecs';

/** Parsed values of one row's columns, by column name. */
export type Values = Readonly<Record<string, unknown>>;

export interface Column<Of> {
  readonly name: string;
  readonly codec: Codec<unknown>;
  get(record: Of): unknown;
}

export function column<Of, Value>(name: string, codec: Codec<Value>, get: (record: Of) => Value): Column<Of> {
  return { name, codec: codec as Codec<unknown>, get };
}

/**
 * A stored subgraph's CSV layout (`npm run import`, `npm run export-csv`): one row per member, the family's columns first and repeated on each of
 * its rows, then the member's columns. A family's rows are consecutive.
 */
export interface ImportFormat<Family, Member> {
  readonly familyColumns: readonly Column<Family>[];
  readonly memberColumns: readonly Column<Member>[];
  members(family: Family): readonly Member[];
  /** The record of one family's rows; throws a FieldProblem when the family's fields disagree. */
  build(family: Values, members: readonly Values[]): Family;
}

export type AnyImportFormat = ImportFormat<any, any>;

export function headerOf(format: AnyImportFormat): string[] {
  return [...format.familyColumns, ...format.memberColumns].map((entry) => entry.name);
}

/** One family as CSV rows (cells as text), one per member. */
export function rowsOf<Family, Member>(format: ImportFormat<Family, Member>, family: Family): string[][] {
  const members = format.members(family);
  // One row per member: a family without members has no row to stand on.
  if (members.length === 0) throw new Error(`Family ${String(format.familyColumns[0]?.get(family))} has no members and cannot be written as rows`);
  const familyCells = format.familyColumns.map((entry) => entry.codec.format(entry.get(family)));
  return members.map((member) => [...familyCells, ...format.memberColumns.map((entry) => entry.codec.format(entry.get(member)))]);
}
