import {
  getNamedType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';

/** The named fragments of a document, for walks that follow fragment spreads. */
export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export interface FieldVisit {
  readonly parentType: GraphQLObjectType;
  readonly fieldName: string;
  readonly responseKey: string;
  /** The field's object type when it has a selection of its own. */
  readonly objectType: GraphQLObjectType | null;
  readonly selectionSet: SelectionSetNode | undefined;
}

/**
 * The fields a selection set selects on an object type, with fragments spread in. The API schema
 * has no interfaces or unions, so a fragment applies when its type condition is the type itself.
 */
export function* selectedFields(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: Fragments): Generator<FieldVisit> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = type.getFields()[selection.name.value];
      const named = field ? getNamedType(field.type) : undefined;
      yield {
        parentType: type,
        fieldName: selection.name.value,
        responseKey: selection.alias?.value ?? selection.name.value,
        objectType: named && isObjectType(named) ? named : null,
        selectionSet: selection.selectionSet,
      };
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (fragment && (!fragment.typeCondition || fragment.typeCondition.name.value === type.name)) {
      yield* selectedFields(type, fragment.selectionSet, fragments);
    }
  }
}

export function fragmentsOf(definitions: readonly { kind: Kind }[]): Fragments {
  return new Map(
    definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}
