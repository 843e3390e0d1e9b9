import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';

export type RepeatedAnswer<Answer> = Partial<Record<string, Answer>>;

/**
 * One operation that asks the single field of `document` once per key: field i under alias `h${i}`
 * with its one variable renamed `k${i}`. The gateway takes no batched requests, so a page of
 * look-ups travels as one aliased operation; each alias answers as `document` alone would, typed by
 * the generated `Answer` of that one field.
 */
export function repeatedLookup<Answer, Variables>(
  document: TypedDocumentNode<Record<string, Answer>, Variables>,
  keys: readonly string[],
  operationName: string,
): { document: TypedDocumentNode<RepeatedAnswer<Answer>, Record<string, string>>; variables: Record<string, string> } {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [variable, ...otherVariables] = operation?.variableDefinitions ?? [];
  const [field, ...otherFields] = operation?.selectionSet.selections ?? [];
  if (!operation || !variable || otherVariables.length > 0 || field?.kind !== Kind.FIELD || otherFields.length > 0) {
    throw new Error('repeatedLookup needs an operation of one field with one variable');
  }
  const name = variable.variable.name.value;
  const renamed = <Node extends FieldNode | VariableDefinitionNode>(node: Node, i: number): Node =>
    visit(node, {
      Variable: (reference) => (reference.name.value === name ? { ...reference, name: { ...reference.name, value: `k${i}` } } : undefined),
    });
  const repeated: OperationDefinitionNode = {
    ...operation,
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions: keys.map((_, i) => renamed(variable, i)),
    selectionSet: {
      ...operation.selectionSet,
      selections: keys.map((_, i) => ({ ...renamed(field, i), alias: { kind: Kind.NAME, value: `h${i}` } })),
    },
  };
  const definitions = document.definitions.map((definition) => (definition === operation ? repeated : definition));
  return {
    document: { ...(document as DocumentNode), definitions } as TypedDocumentNode<RepeatedAnswer<Answer>, Record<string, string>>,
    variables: Object.fromEntries(keys.map((key, i) => [`k${i}`, key])),
  };
}
