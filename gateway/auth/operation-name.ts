import { Lexer, Source, TokenKind } from 'graphql';

const OPERATION_KEYWORDS: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);

/**
 * The name of the operation a request will run, for the audit trail: `operationName` when the
 * client sent it, else the name of the document's only operation. Read with graphql-js's lexer
 * alone, because the principal is made before Apollo parses the document; null when unnamed,
 * ambiguous or not lexable (Apollo then runs an anonymous operation or refuses the request).
 */
export function operationNameOf(body: unknown): string | null {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName !== '') return operationName;
  if (typeof query !== 'string') return null;
  const operations: (string | null)[] = [];
  try {
    const lexer = new Lexer(new Source(query));
    let braces = 0;
    let parentheses = 0;
    let inDefinition = false;
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.PAREN_L) parentheses += 1;
      else if (token.kind === TokenKind.PAREN_R) parentheses -= 1;
      if (parentheses > 0) continue;
      if (token.kind === TokenKind.BRACE_L) {
        // A selection set opening at the top level outside a definition is the `{ … }` shorthand.
        if (braces === 0 && !inDefinition) operations.push(null);
        braces += 1;
      } else if (token.kind === TokenKind.BRACE_R) {
        braces -= 1;
        if (braces === 0) inDefinition = false;
      } else if (braces === 0 && !inDefinition && token.kind === TokenKind.NAME) {
        inDefinition = true;
        if (OPERATION_KEYWORDS.has(token.value)) {
          const next = lexer.lookahead();
          operations.push(next.kind === TokenKind.NAME ? next.value : null);
        }
      }
    }
  } catch {
    return null;
  }
  return operations.length === 1 ? (operations[0] ?? null) : null;
}
