import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';

/** The name of the whole API schema (schema/api.graphql) among the contracts, which go by their profile. */
export const API_SCHEMA = 'api';

/** One change graphql-js finds, and every schema (the API schema, contracts) it is found in. */
export interface SchemaChange {
  /** graphql-js's BreakingChangeType or DangerousChangeType: FIELD_REMOVED, ARG_CHANGED_KIND, … */
  readonly type: string;
  readonly description: string;
  /** The `Type.field` the change is about, when it names one: what `npm run usage -- --field` takes. */
  readonly field: string | null;
  /** `api` and the profiles whose contract changes, in the order compared. */
  readonly schemas: readonly string[];
}

/** A schema as committed and as the change would make it. */
export interface ComparedSchema {
  readonly name: string;
  readonly before: GraphQLSchema;
  readonly after: GraphQLSchema;
}

// graphql-js describes a field's change starting from `Type.field` ("Household.members was removed.",
// "A required arg x on Query.household was added."); types, enum values and input fields have no dot.
const FIELD = /\b([_A-Za-z][_0-9A-Za-z]*)\.([_A-Za-z][_0-9A-Za-z]*)\b/;

export function fieldOf(description: string): string | null {
  const match = FIELD.exec(description);
  return match ? `${match[1]}.${match[2]}` : null;
}

function grouped(found: readonly { readonly schema: string; readonly type: string; readonly description: string }[]): SchemaChange[] {
  const changes = new Map<string, { type: string; description: string; field: string | null; schemas: string[] }>();
  for (const { schema, type, description } of found) {
    const key = `${type} ${description}`;
    const known = changes.get(key);
    if (known) known.schemas.push(schema);
    else changes.set(key, { type, description, field: fieldOf(description), schemas: [schema] });
  }
  return [...changes.values()];
}

/**
 * The breaking and dangerous changes (graphql-js's findBreakingChanges and findDangerousChanges)
 * between each schema as committed and as it would be, each change once with the schemas it is in.
 */
export function schemaChanges(schemas: readonly ComparedSchema[]): { readonly breaking: SchemaChange[]; readonly dangerous: SchemaChange[] } {
  return {
    breaking: grouped(schemas.flatMap(({ name, before, after }) => findBreakingChanges(before, after).map((change) => ({ schema: name, ...change })))),
    dangerous: grouped(schemas.flatMap(({ name, before, after }) => findDangerousChanges(before, after).map((change) => ({ schema: name, ...change })))),
  };
}
