import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import type { CompositionResult } from '../../gateway/supergraph/compose';
import { readApiSchemaSdl } from '../../gateway/supergraph/subgraphs';

function apiSchema(composed: CompositionResult): GraphQLSchema {
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  return composed.apiSchema;
}

/** Coordinates (`Type`, `Type.field`, `Type.field(argument:)`, `Enum.VALUE`, `Input.field`) of every element without a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const argument of field.args) check(`${type.name}.${field.name}(${argument.name}:)`, argument.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing.sort();
}

/** schema/api.graphql's cases, over the registry's SDLs as composed (composition.test.ts). */
export function apiSchemaCases(composed: () => CompositionResult): void {
  describe('schema/api.graphql, the schema clients build on', () => {
    it('when the SDLs are composed, then the API schema equals the committed file (run `npm run compose` after changing an SDL)', () => {
      const result = composed();

      expect(result.ok && result.apiSchemaSdl).toBe(readApiSchemaSdl());
    });

    it('when the API schema is printed, then it holds no federation machinery: no join or link directives, no @inaccessible input fields', () => {
      const sdl = readApiSchemaSdl();

      expect(['@join__', '@link', 'link__', 'join__', '@inaccessible', 'dtksInput', 'regsosekInputRecords', '_entities', '_Any'].filter((word) => sdl.includes(word))).toEqual([]);
    });

    it('when a client reads the schema, then every type, field, argument, enum value and input field has a description', () => {
      expect(undescribed(apiSchema(composed()))).toEqual([]);
    });
  });
}
