import { Kind, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

/**
 * The schema coordinate (`Type.field`, or `Type.field(argument:)`) each node of an operation sits in,
 * read against the schema the operation was valid in, so that an error the new schema raises can
 * name the field it is about even when that field no longer exists.
 */
function coordinatesOf(document: DocumentNode, schema: GraphQLSchema): Map<ASTNode, string> {
  const typeInfo = new TypeInfo(schema);
  const coordinates = new Map<ASTNode, string>();
  const stack: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node) {
        if (node.kind === Kind.FIELD) {
          const parent = typeInfo.getParentType();
          stack.push(parent ? `${parent.name}.${node.name.value}` : '');
        } else if (node.kind === Kind.ARGUMENT) {
          const field = stack[stack.length - 1] ?? '';
          stack.push(field === '' ? '' : `${field}(${node.name.value}:)`);
        }
        const coordinate = stack[stack.length - 1];
        if (coordinate) coordinates.set(node, coordinate);
      },
      leave(node) {
        if (node.kind === Kind.FIELD || node.kind === Kind.ARGUMENT) stack.pop();
      },
    }),
  );
  return coordinates;
}

/** For each error, the coordinate of the innermost field or argument its nodes point at (the last node that has one), else null. */
export function errorCoordinates(document: DocumentNode, schemaBefore: GraphQLSchema, errors: readonly GraphQLError[]): (string | null)[] {
  const coordinates = coordinatesOf(document, schemaBefore);
  return errors.map((error) => {
    const found = [...(error.nodes ?? [])].reverse().map((node) => coordinates.get(node)).find((coordinate) => coordinate !== undefined);
    return found ?? null;
  });
}
