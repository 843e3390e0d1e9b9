import { FieldProblem, type ParseContext } from '../../../common/import/codecs';
import { headerOf, rowsOf, type AnyImportFormat, type Values } from '../../../common/import/format';

/** One family as a register's CSV cells, by column name: what a batch file holds, the importer's input. */
export interface FamilyCells {
  readonly family: Readonly<Record<string, string>>;
  readonly members: readonly Readonly<Record<string, string>>[];
}

/** A stored record as the cells its register's export would write. */
export function cellsOf(format: AnyImportFormat, record: unknown): FamilyCells {
  const header = headerOf(format);
  const rows = rowsOf(format, record).map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
  const familyNames = format.familyColumns.map((entry) => entry.name);
  const memberNames = format.memberColumns.map((entry) => entry.name);
  const pick = (row: Record<string, string>, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, row[name] ?? '']));
  return { family: pick(rows[0] ?? {}, familyNames), members: rows.map((row) => pick(row, memberNames)) };
}

/** The family's rows in the format's column order. */
export function rowsOfCells(format: AnyImportFormat, cells: FamilyCells): string[][] {
  const familyCells = format.familyColumns.map((entry) => cells.family[entry.name] ?? '');
  return cells.members.map((member) => [...familyCells, ...format.memberColumns.map((entry) => member[entry.name] ?? '')]);
}

function parsed(columns: AnyImportFormat['familyColumns'] | AnyImportFormat['memberColumns'], cells: Readonly<Record<string, string>>, context: ParseContext): Values {
  return Object.fromEntries(
    columns.map((entry) => {
      const text = cells[entry.name];
      if (text === undefined) throw new FieldProblem(`${entry.name} is not given`);
      try {
        return [entry.name, entry.codec.parse(text, context)];
      } catch (error) {
        if (error instanceof FieldProblem) throw new FieldProblem(`${entry.name} ${error.message}`);
        throw error;
      }
    }),
  );
}

/** Why the importer would refuse this family, as its reject file says it; null when it would store it. */
export function problemOf(format: AnyImportFormat, cells: FamilyCells, context: ParseContext): string | null {
  try {
    if (cells.members.length === 0) return 'a family needs at least one member';
    const family = parsed(format.familyColumns, cells.family, context);
    const members = cells.members.map((member) => parsed(format.memberColumns, member, context));
    format.build(family, members);
    return null;
  } catch (error) {
    if (error instanceof FieldProblem) return error.message;
    throw error;
  }
}
