import type { SchemaCheckResult } from './schema-check';
import type { SchemaChange } from './schema-changes';

/** The command that shows who selected a field lately (scripts/usage.ts takes `Type.field`, not an argument's coordinate). */
export function usageCommand(coordinate: string): string {
  return `npm run usage -- --field ${coordinate.replace(/\(.*$/, '')} --json`;
}

function changeLines(changes: readonly SchemaChange[]): string[] {
  return changes.flatMap((change) => [
    `  ${change.description} [${change.type}]`,
    `    affects: ${change.schemas.join(', ')}`,
    ...(change.field ? [`    who uses it: ${usageCommand(change.field)}`] : []),
  ]);
}

/** What `npm run schema:check` prints: the broken registered operations first, then the breaking changes, then the warnings. */
export function schemaCheckReport(result: SchemaCheckResult): string {
  if (result.status === 'composition-failed') return ['Composition failed:', ...result.errors.map((error) => `  ${error}`)].join('\n');
  const lines: string[] = [];
  if (result.brokenOperations.length > 0) {
    lines.push(`Registered operations the change breaks (${result.brokenOperations.length}):`);
    for (const broken of result.brokenOperations) {
      lines.push(`  ${broken.organisation} / ${broken.app} / ${broken.operation} (contract ${broken.profile}): ${broken.coordinate ?? '(no field)'}: ${broken.message}`);
      if (broken.coordinate) lines.push(`    who uses it: ${usageCommand(broken.coordinate)}`);
    }
  }
  if (result.breaking.length > 0) lines.push(`Breaking changes (${result.breaking.length}); "affects" names the API schema (api) and the contracts they change:`, ...changeLines(result.breaking));
  if (result.dangerous.length > 0) lines.push(`Warnings: dangerous changes (${result.dangerous.length}), which can change what existing clients get:`, ...changeLines(result.dangerous));
  lines.push(
    result.status === 'passed'
      ? 'Schema check passed: no breaking change to the API schema or any contract, every registered operation still validates.'
      : 'Schema check failed. Deprecate before removing (docs/partners.md, "Deprecation policy"), and ask who still uses a field with the command shown.',
  );
  return lines.join('\n');
}
