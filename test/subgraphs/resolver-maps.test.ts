import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type StringValueNode } from 'graphql';
import { createCursorCodec } from '../../common/cursor';
import { loadSdl } from '../../common/subgraph/load-sdl';
import { changesResolvers } from '../../subgraphs/changes/resolvers';
import type { ChangeService } from '../../subgraphs/changes/service';
import { dtsenResolvers } from '../../subgraphs/dtsen/schema';
import { STORED_SUBGRAPHS } from '../../subgraphs/registry';
import { TEST_SIGNING_SECRET } from '../support/principals';
import { EVALUATION_DATE, RULES } from './dtsen/fixtures';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const SUBGRAPHS = path.join(REPOSITORY_ROOT, 'subgraphs');
const SHARED_RESOLVERS = path.join(REPOSITORY_ROOT, 'common', 'subgraph', 'register-resolvers.ts');

/** A map is only read here, never run: dtsen's directory is never asked. */
const dtsen = dtsenResolvers({
  ruleSet: RULES,
  evaluationDate: EVALUATION_DATE,
  directory: { householdsHeld: async (noKKs) => noKKs.map(() => false), personsHeld: async (niks) => niks.map(() => false), memberRecords: async (_register, niks) => niks.map(() => []) },
  cursors: createCursorCodec(TEST_SIGNING_SECRET),
});

/** A stored subgraph's resolver map: the one export of its resolvers/index.ts, read as its descriptor's load() does, but synchronously for describe.each. */
function storedResolverMap(name: string): object {
  const exported = Object.values(require(path.join(SUBGRAPHS, name, 'resolvers')) as Record<string, object>);
  if (exported.length !== 1) throw new Error(`subgraphs/${name}/resolvers/index.ts must export its resolver map alone`);
  return exported[0] as object;
}

/** Each subgraph's resolvers by type and field, as its schema is built with them: the stored subgraphs of the registry, changes, and dtsen. */
const resolverMaps: Readonly<Record<string, object>> = {
  ...Object.fromEntries(STORED_SUBGRAPHS.map((subgraph) => [subgraph.name, storedResolverMap(subgraph.name)])),
  // Read, never run: its mutations' service is never called.
  changes: changesResolvers({} as ChangeService),
  dtsen,
};

interface SdlType {
  readonly fields: readonly string[];
  /** The fields other subgraphs resolve (`@external`), which this one only receives. */
  readonly external: readonly string[];
  /** The fields of its `@key`, or null for a type that is not an entity. */
  readonly key: readonly string[] | null;
}

const hasDirective = (node: ObjectTypeDefinitionNode | FieldDefinitionNode, name: string) =>
  node.directives?.some((directive) => directive.name.value === name) ?? false;

function sdlTypes(subgraph: string): Map<string, SdlType> {
  const types = new Map<string, SdlType>();
  for (const definition of loadSdl(subgraph).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const fields = definition.fields ?? [];
    types.set(definition.name.value, {
      fields: fields.map((field) => field.name.value),
      external: fields.filter((field) => hasDirective(field, 'external')).map((field) => field.name.value),
      key: keyFields(definition),
    });
  }
  return types;
}

/** The unions and interfaces of a subgraph's SDL: their resolvers tell the type of a value (`__resolveType`). */
function abstractTypes(subgraph: string): Set<string> {
  return new Set(
    loadSdl(subgraph)
      .definitions.filter((definition) => definition.kind === Kind.UNION_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION)
      .map((definition) => (definition as { name: { value: string } }).name.value),
  );
}

function keyFields(type: ObjectTypeDefinitionNode): string[] | null {
  const key = type.directives?.find((directive) => directive.name.value === 'key');
  const fields = key?.arguments?.find((argument) => argument.name.value === 'fields')?.value as StringValueNode | undefined;
  return fields === undefined ? null : fields.value.split(/\s+/);
}

type TypeField = readonly [type: string, field: string];

function resolvedFields(resolvers: object): TypeField[] {
  return Object.entries(resolvers).flatMap(([type, fields]: [string, object]) => Object.keys(fields).map((field) => [type, field] as const));
}

function resolverOf(resolvers: object, type: string, field: string): unknown {
  const fields: unknown = Object.entries(resolvers).find(([name]) => name === type)?.[1];
  if (typeof fields !== 'object' || fields === null) return undefined;
  return Object.entries(fields).find(([name]) => name === field)?.[1];
}

function named(typeFields: readonly TypeField[]): string[] {
  return typeFields.map(([type, field]) => `${type}.${field}`);
}

/**
 * The fields the SDL cannot serve from the parent object: the queries, an entity's own fields
 * beyond its key, and how the entity is found from its key. An entity whose representations carry
 * fields of other subgraphs (`@external`, for `@requires`) may be the representation itself,
 * Apollo's default reference resolver.
 */
function fieldsThatNeedAResolver(types: Map<string, SdlType>): TypeField[] {
  return [...types].flatMap(([type, { fields, external, key }]) => {
    if (type === 'Query') return fields.map((field) => [type, field] as const);
    if (key === null) return [];
    const own = fields.filter((field) => !key.includes(field) && !external.includes(field));
    return [...(external.length === 0 ? ['__resolveReference'] : []), ...own].map((field) => [type, field] as const);
  });
}

/** The subgraph's resolvers folder and, for a register, the shared behaviour: where a field's name is to be found. */
function resolverSources(subgraph: string): string {
  const folder = path.join(SUBGRAPHS, subgraph, 'resolvers');
  const files = readdirSync(folder).map((file) => path.join(folder, file));
  return [...files, SHARED_RESOLVERS].map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('the resolver maps', () => {
  it('when a subgraph folder holds a schema.graphql, then its resolver map is checked here', () => {
    const withSdl = readdirSync(SUBGRAPHS).filter((name) => existsSync(path.join(SUBGRAPHS, name, 'schema.graphql')));

    expect(Object.keys(resolverMaps).sort()).toEqual(withSdl.sort());
  });
});

describe.each(Object.entries(resolverMaps))('%s resolver map', (subgraph, resolvers) => {
  const types = sdlTypes(subgraph);
  const abstract = abstractTypes(subgraph);

  it('when a field has a resolver, then the SDL declares it', () => {
    const undeclared = resolvedFields(resolvers).filter(([type, field]) => {
      if (field === '__resolveType') return !abstract.has(type);
      const declared = types.get(type);
      return declared === undefined || (field !== '__resolveReference' && !declared.fields.includes(field));
    });
    expect(named(undeclared)).toEqual([]);
  });

  it('when the SDL declares a query or an entity field beyond the key that it does not take from another subgraph, then a function resolves it', () => {
    const unresolved = fieldsThatNeedAResolver(types).filter(([type, field]) => typeof resolverOf(resolvers, type, field) !== 'function');
    expect(named(unresolved)).toEqual([]);
  });

  it('when a field has a resolver, then its name is written out as a key or a method in the source, so grep finds it', () => {
    const source = resolverSources(subgraph);
    const unwritten = resolvedFields(resolvers).filter(([, field]) => !new RegExp(`^\\s*(async\\s+)?${field}\\s*[:(]`, 'm').test(source));
    expect(named(unwritten)).toEqual([]);
  });
});
