import type { SchemaCheckResult } from './schema-check';
import type { SubgraphCheckResult } from './subgraph-candidate';
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

/** What `npm run subgraph:check` prints: the subgraph's own problems, then its schema check. */
export function subgraphCheckReport(result: SubgraphCheckResult, knownTags: readonly string[]): string {
  const lines = [`Subgraph ${result.subgraph}: ${result.change === 'added' ? 'added to' : 'replacing its SDL in'} the registry's subgraphs.`];
  for (const error of result.sdlErrors) lines.push(`  The SDL does not build as a subgraph: ${error}`);
  if (result.unclassified.length > 0) {
    lines.push(`Fields without a disclosure class (@disclosure(class: …) on the field or its type, docs/security.md "Disclosure classes"):`, ...result.unclassified.map((coordinate) => `  ${coordinate}`));
  }
  if (result.unknownTags.length > 0) {
    lines.push(`Tags no contract profile knows (known: ${knownTags.join(', ')}; docs/partners.md "Profiles"):`, ...result.unknownTags.map(({ tag, coordinate }) => `  @tag(name: "${tag}") on ${coordinate}`));
  }
  const passed = result.sdlErrors.length === 0 && result.unclassified.length === 0 && result.unknownTags.length === 0;
  if (passed) lines.push("Every field has a disclosure class and every tag is a profile's.");
  lines.push(schemaCheckReport(result.schemaCheck));
  if (!passed) lines.push(`Subgraph check failed: ${result.subgraph} may not join until the problems above are fixed.`);
  return lines.join('\n');
}
