// Reasons and data-quality details are written for a caseworker, and they name members and
// families by NIK and No. KK. Those identifiers are kept apart from the words, so that what leaves
// the subgraph shows each one as the reader may see it (disclosure.ts), whatever it looks like:
// a malformed NIK of ten digits is as much somebody's identifier as a well-formed one.

/** A NIK or No. KK inside a statement. */
export interface Identifier {
  readonly identifier: string;
}

export type StatementPart = string | Identifier;

/** Words and identifiers, in reading order. */
export type Statement = readonly StatementPart[];

export function identifier(value: string): Identifier {
  return { identifier: value };
}

function isIdentifier(part: unknown): part is Identifier {
  return typeof part === 'object' && part !== null && 'identifier' in part;
}

type Interpolated = string | number | Identifier | Statement;

function partsOf(value: Interpolated): StatementPart[] {
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'string' || isIdentifier(value)) return [value];
  return [...value];
}

/** Adjacent words joined, so equal statements have equal parts. */
function compact(parts: readonly StatementPart[]): Statement {
  const out: StatementPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (typeof part === 'string' && part === '') continue;
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

/** A statement from a template: say`A member (${identifier(nik)}) works as …`. */
export function say(strings: TemplateStringsArray, ...values: readonly Interpolated[]): Statement {
  return compact(strings.flatMap((text, index) => (index < values.length ? [text, ...partsOf(values[index] as Interpolated)] : [text])));
}

/** `parts` joined by `separator`. */
export function joined(parts: readonly Interpolated[], separator: string): Statement {
  return compact(parts.flatMap((part, index) => (index === 0 ? partsOf(part) : [separator, ...partsOf(part)])));
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly Interpolated[]): Statement {
  if (items.length <= 1) return joined(items, '');
  return say`${joined(items.slice(0, -1), ', ')} and ${items[items.length - 1] as Interpolated}`;
}

/** The statement as text, each identifier shown by `show` (as stored, or masked). */
export function render(statement: Statement, show: (identifier: string) => string): string {
  return statement.map((part) => (typeof part === 'string' ? part : show(part.identifier))).join('');
}

/** The statement as a caseworker with every scope reads it. */
export function fullText(statement: Statement): string {
  return render(statement, (value) => value);
}
