import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';

/**
 * How many items a list without a `first` argument is assumed to hold: about twice what it holds
 * on average, so that the cost stays an upper bound on the work without refusing ordinary
 * operations. A family's members: 3.35 on average (at most 8 in the generated data, 4 of each
 * sex; a Kartu Keluarga rarely lists more than 10); every other list holds a few entries, at most
 * one per programme (5), data-quality code (7) or desil (11). A person's families: one, two when
 * the family was re-issued a KK; each hop through `members` and `households` multiplies the work
 * by what these bounds say. A family's history: at most 24 kept periods (`last`), read from the
 * index alone.
 */
export const ASSUMED_LIST_SIZE = 10;
const ASSUMED_LIST_SIZES: Readonly<Record<string, number>> = { 'Person.households': 2, 'Household.history': 24 };

const OBJECT_COST = 2;
const SCALAR_COST = 1;

export interface ListCostOptions {
  readonly maxCost: number;
}

/** The `first` a listing runs with: the literal, a variable's default, else the most a variable may ask for (100). */
function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, operation: OperationDefinitionNode): number {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
  if (!argument) {
    const declared = definition.args.find((candidate) => candidate.name === 'first')?.defaultValue;
    return typeof declared === 'number' ? declared : DEFAULT_PAGE_SIZE;
  }
  let value: ValueNode | undefined = argument.value;
  if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    // Validation runs once per document, before any variables are known: a variable counts as its worst case.
    value = operation.variableDefinitions?.find((variable) => variable.variable.name.value === name)?.defaultValue;
  }
  if (value?.kind === Kind.INT) return Math.max(0, Number.parseInt(value.value, 10));
  return MAX_PAGE_SIZE;
}

/**
 * The cost of one operation as the work it may cause: each object field 2, each scalar 1 (as
 * graphql-armor counts them), and each list's selection counted once per item it may hold: a
 * listing's `nodes` as many times as its `first` (20 when absent), any other list as many times as
 * ASSUMED_LIST_SIZES says (ASSUMED_LIST_SIZE when it says nothing). Introspection fields count nothing: introspection is switched on or off
 * as a whole.
 */
function operationCost(context: ValidationContext, operation: OperationDefinitionNode): number {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // Each fragment's cost is computed once per page size it is spread under, so a fragment bomb costs a walk of its text.
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, nodesSize: number | null): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, nodesSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(condition)) cost += selectionCost(selection.selectionSet, condition, nodesSize);
      } else {
        const name = selection.name.value;
        const key = `${name}\u0000${nodesSize ?? ''}`;
        const known = fragmentCosts.get(key);
        if (known !== undefined) {
          cost += known;
          continue;
        }
        const fragment = context.getFragment(name);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        // A fragment cycle is refused by graphql-js's own NoFragmentCyclesRule.
        if (!fragment || !isCompositeType(condition) || inProgress.has(key)) continue;
        inProgress.add(key);
        const fragmentCost = selectionCost(fragment.selectionSet, condition, nodesSize);
        inProgress.delete(key);
        fragmentCosts.set(key, fragmentCost);
        cost += fragmentCost;
      }
    }
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, nodesSize: number | null): number => {
    if (field.name.value.startsWith('__') || !('getFields' in parent)) return 0;
    const definition = parent.getFields()[field.name.value];
    if (!definition) return 0;
    const type = getNullableType(definition.type);
    const items = isListType(type) ? (nodesSize ?? ASSUMED_LIST_SIZES[`${parent.name}.${definition.name}`] ?? ASSUMED_LIST_SIZE) : 1;
    const named = getNamedType(type);
    if (!field.selectionSet || !isCompositeType(named)) return SCALAR_COST;
    const isListing = definition.args.some((argument) => argument.name === 'first');
    const childNodesSize = isListing ? pageSize(field, definition, operation) : null;
    return items * (OBJECT_COST + selectionCost(field.selectionSet, named, childNodesSize));
  };

  return selectionCost(operation.selectionSet, root, null);
}

/**
 * A validation rule refusing operations whose list-aware cost (operationCost) is over `maxCost`,
 * answered GRAPHQL_VALIDATION_FAILED (HTTP 400) before anything runs.
 */
export function listCostRule(options: ListCostOptions): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(context, operation);
      if (cost > options.maxCost) {
        context.reportError(
          new GraphQLError(
            `Operation cost limit of ${options.maxCost} exceeded, found ${cost}: a list counts once per item it may hold (its first, else an assumed size, see docs/security.md)`,
          ),
        );
      }
      return false;
    },
  });
}
