import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, type ObjectTypeDefinitionNode, type StringValueNode } from 'graphql';
import { loadSdl } from '../../common/subgraph/load-sdl';
import type { RegisterResolvers } from '../../common/subgraph/register-resolvers';
import { dtksResolvers } from '../../subgraphs/dtks/resolvers';
import { p3keResolvers } from '../../subgraphs/p3ke/resolvers';
import { regsosekResolvers } from '../../subgraphs/regsosek/resolvers';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const SHARED_RESOLVERS = path.join(REPOSITORY_ROOT, 'common', 'subgraph', 'register-resolvers.ts');

const registers = [
  ['dtks', dtksResolvers],
  ['p3ke', p3keResolvers],
  ['regsosek', regsosekResolvers],
] as const;

interface SdlType {
  readonly fields: readonly string[];
  /** The fields of its `@key`, or null for a type that is not an entity. */
  readonly key: readonly string[] | null;
}

function sdlTypes(register: string): Map<string, SdlType> {
  const types = new Map<string, SdlType>();
  for (const definition of loadSdl(register).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    types.set(definition.name.value, { fields: (definition.fields ?? []).map((field) => field.name.value), key: keyFields(definition) });
  }
  return types;
}

function keyFields(type: ObjectTypeDefinitionNode): string[] | null {
  const key = type.directives?.find((directive) => directive.name.value === 'key');
  const fields = key?.arguments?.find((argument) => argument.name.value === 'fields')?.value as StringValueNode | undefined;
  return fields === undefined ? null : fields.value.split(/\s+/);
}

type TypeField = readonly [type: string, field: string];

function resolvedFields(resolvers: RegisterResolvers): TypeField[] {
  return Object.entries(resolvers).flatMap(([type, fields]) => Object.keys(fields).map((field) => [type, field] as const));
}

function named(typeFields: readonly TypeField[]): string[] {
  return typeFields.map(([type, field]) => `${type}.${field}`);
}

/** The fields the SDL cannot serve from the parent object: the queries, and an entity's fields beyond its key. */
function fieldsThatNeedAResolver(types: Map<string, SdlType>): TypeField[] {
  return [...types].flatMap(([type, { fields, key }]) => {
    if (type === 'Query') return fields.map((field) => [type, field] as const);
    if (key === null) return [];
    return ['__resolveReference', ...fields.filter((field) => !key.includes(field))].map((field) => [type, field] as const);
  });
}

/** The register's resolvers folder and the shared behaviour, where a field's name is to be found. */
function resolverSources(register: string): string {
  const folder = path.join(REPOSITORY_ROOT, 'subgraphs', register, 'resolvers');
  const files = readdirSync(folder).map((file) => path.join(folder, file));
  return [...files, SHARED_RESOLVERS].map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe.each(registers)('%s resolver map', (register, resolvers) => {
  const types = sdlTypes(register);

  it('when a field has a resolver, then the SDL declares it', () => {
    const undeclared = resolvedFields(resolvers).filter(([type, field]) => {
      const declared = types.get(type);
      return declared === undefined || (field !== '__resolveReference' && !declared.fields.includes(field));
    });
    expect(named(undeclared)).toEqual([]);
  });

  it('when the SDL declares a query or an entity field beyond the key, then a function resolves it', () => {
    const unresolved = fieldsThatNeedAResolver(types).filter(([type, field]) => {
      return typeof resolvers[type]?.[field] !== 'function';
    });
    expect(named(unresolved)).toEqual([]);
  });

  it('when a field has a resolver, then its name is written out as a key in the source, so grep finds it', () => {
    const source = resolverSources(register);
    const unwritten = resolvedFields(resolvers).filter(([, field]) => {
      return !new RegExp(`^\\s*${field}\\s*:`, 'm').test(source);
    });
    expect(named(unwritten)).toEqual([]);
  });
});
