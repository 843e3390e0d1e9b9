import { FieldProblem, type ParseContext } from '../common/import/codecs';
import type { AnyImportFormat, Values } from '../common/import/format';
import type { Reject } from './reject-file';

/** A field longer than this is refused whatever its column (the store's longest column is 255). */
export const MAX_FIELD_LENGTH = 1_000;

/** One data row of the file. */
export interface SourceRow {
  readonly line: number;
  /** Where the row ends: a quoted field may span lines. */
  readonly endLine: number;
  readonly cells: readonly string[];
  readonly original: string;
}

type RowCheck =
  | { readonly ok: true; readonly row: SourceRow; readonly family: Values; readonly member: Values; readonly familyText: string }
  | { readonly ok: false; readonly row: SourceRow; readonly reason: string };

/** Which cell holds each column, from a header already checked to hold each exactly once. */
export interface ColumnIndex {
  readonly family: readonly { readonly name: string; readonly index: number; readonly parse: (text: string, context: ParseContext) => unknown }[];
  readonly member: readonly { readonly name: string; readonly index: number; readonly parse: (text: string, context: ParseContext) => unknown }[];
  readonly width: number;
  readonly noKK: number;
}

export function columnIndex(format: AnyImportFormat, header: readonly string[]): ColumnIndex {
  const at = (name: string): number => header.indexOf(name);
  const entries = (columns: AnyImportFormat['familyColumns']) =>
    columns.map((entry) => ({ name: entry.name, index: at(entry.name), parse: (text: string, context: ParseContext) => entry.codec.parse(text, context) }));
  return { family: entries(format.familyColumns), member: entries(format.memberColumns), width: header.length, noKK: at('no_kk') };
}

/** The first problem of one row alone: field count, encoding, length, then each column's value. */
export function checkRow(columns: ColumnIndex, row: SourceRow, context: ParseContext): RowCheck {
  const { cells } = row;
  if (cells.length !== columns.width) {
    return { ok: false, row, reason: `expected ${columns.width} fields, got ${cells.length} (a truncated or joined line?)` };
  }
  for (const [index, cell] of cells.entries()) {
    // The parser decodes invalid UTF-8 to U+FFFD; a register's export never means that character.
    if (cell.includes('\uFFFD')) return { ok: false, row, reason: `field ${index + 1} is not valid UTF-8` };
    if (cell.length > MAX_FIELD_LENGTH) return { ok: false, row, reason: `field ${index + 1} is longer than ${MAX_FIELD_LENGTH} characters (${cell.length})` };
  }
  const family: Record<string, unknown> = {};
  const member: Record<string, unknown> = {};
  for (const [target, entries] of [
    [family, columns.family],
    [member, columns.member],
  ] as const) {
    for (const entry of entries) {
      try {
        target[entry.name] = entry.parse(cells[entry.index] ?? '', context);
      } catch (error) {
        if (error instanceof FieldProblem) return { ok: false, row, reason: `${entry.name} ${error.message}` };
        throw error;
      }
    }
  }
  const familyText = JSON.stringify(columns.family.map((entry) => cells[entry.index]));
  return { ok: true, row, family, member, familyText };
}

export type FamilyOutcome<Family> =
  | { readonly kind: 'stored'; readonly family: Family; readonly rows: number }
  | { readonly kind: 'rejected'; readonly rejects: Reject[] };

const reject = (row: SourceRow, reason: string): Reject => ({ line: row.line, reason, original: row.original });

/**
 * One family's consecutive rows as a record, or every row rejected: a family is stored whole or
 * not at all, so a bad member row never leaves the family stored without that member.
 */
export function checkFamily<Family>(
  format: AnyImportFormat,
  noKK: string,
  checks: readonly RowCheck[],
  splitFrom: number | null,
): FamilyOutcome<Family> {
  const first = checks[0];
  if (!first) throw new Error('A family has at least one row');
  if (splitFrom !== null) {
    return {
      kind: 'rejected',
      rejects: checks.map((check) => reject(check.row, `family ${noKK} is split: its rows must be consecutive, and they also start at line ${splitFrom}`)),
    };
  }
  const problems = new Map<number, string>();
  for (const check of checks) if (!check.ok) problems.set(check.row.line, check.reason);
  const valid = checks.filter((check): check is Extract<RowCheck, { ok: true }> => check.ok);
  const model = valid[0];
  const seenNiks = new Map<unknown, number>();
  for (const check of valid) {
    if (check.familyText !== model?.familyText) {
      problems.set(check.row.line, `family fields of ${noKK} differ from its row at line ${model?.row.line}`);
      continue;
    }
    const earlier = seenNiks.get(check.member['nik']);
    if (earlier !== undefined) problems.set(check.row.line, `NIK ${String(check.member['nik'])} is listed twice in family ${noKK} (lines ${earlier} and ${check.row.line})`);
    else seenNiks.set(check.member['nik'], check.row.line);
  }
  if (problems.size === 0 && model) {
    try {
      return { kind: 'stored', family: format.build(model.family, valid.map((check) => check.member)) as Family, rows: checks.length };
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      problems.set(first.row.line, error.message);
    }
  }
  const [firstBad] = [...problems.keys()];
  return {
    kind: 'rejected',
    rejects: checks.map((check) => reject(check.row, problems.get(check.row.line) ?? `family ${noKK} is rejected for its row at line ${firstBad}`)),
  };
}
