import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLObjectType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { Principal } from '../../common/auth/principal';
import type { GatewayContext } from '../context';
import { fragmentsOf, selectedFields, type Fragments } from '../security/operation-walk';

export const FIELD_USAGE_METRIC = 'dtsen_gateway_field_usage_total';

/** The label of every organisation past the bound of its kind. */
export const OTHER_ORGANISATION = 'other';

/**
 * Organisations each gateway process labels by name, per kind (partner ministries; everyone else),
 * before counting the rest as `other`. Tokens name the organisation, so its values are as many as
 * the identity provider issues: the 514 regencies' social offices alone would make 514 label values
 * times every coordinate they select. A separate bound for partners keeps a ministry, whose
 * operations a schema change may break, from being crowded out by offices that came first.
 */
export const ORGANISATIONS_PER_KIND = 50;

/** Partner tokens (programme-bound) and all others: each kind has its own bound. */
type Kind = 'partners' | 'others';

/** Every `Type.field` an operation selects, each once, fragments followed; meta fields (`__typename`) are not part of the schema's contract. */
export function selectedCoordinates(root: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: Fragments): Set<string> {
  const coordinates = new Set<string>();
  // A fragment spread many times walks once per type it lands on.
  const walked = new Map<SelectionSetNode, Set<string>>();
  const walk = (type: GraphQLObjectType, selections: SelectionSetNode) => {
    const types = walked.get(selections) ?? new Set<string>();
    if (types.has(type.name)) return;
    walked.set(selections, types.add(type.name));
    for (const field of selectedFields(type, selections, fragments)) {
      if (field.fieldName.startsWith('__')) continue;
      coordinates.add(`${type.name}.${field.fieldName}`);
      if (field.objectType && field.selectionSet) walk(field.objectType, field.selectionSet);
    }
  };
  walk(root, selectionSet);
  return coordinates;
}

/** The organisation label of a principal: its own while its kind has room, then `other`. */
function organisationLabels(perKind: number): (principal: Principal) => string {
  const labelled: Record<Kind, Set<string>> = { partners: new Set(), others: new Set() };
  return (principal) => {
    const names = labelled[principal.programmes === null ? 'others' : 'partners'];
    if (names.has(principal.organisation)) return principal.organisation;
    if (names.size >= perKind) return OTHER_ORGANISATION;
    names.add(principal.organisation);
    return principal.organisation;
  };
}

/**
 * `dtsen_gateway_field_usage_total{organisation, coordinate}`: operations run per organisation and
 * schema coordinate they select, once per operation per coordinate, counted as execution starts
 * (refused and invalid operations select nothing). `npm run usage` reads it for a schema check.
 *
 * An operation's coordinates are walked once per parsed document (Apollo Server keeps one per
 * distinct operation), and a request only counts its operation for its organisation: the counter's
 * labelled increments, one per coordinate and each hashing its labels, are made when the metric is
 * read (`collect`). Per request they were about 1 % of the gateway's CPU under scenario (a).
 */
export function fieldUsagePlugin(registry: Registry, perKind = ORGANISATIONS_PER_KIND): ApolloServerPlugin<GatewayContext> {
  /** Operations run since the last read, by their coordinates and organisation. */
  const pending = new Map<readonly string[], Map<string, number>>();
  const usage = new Counter({
    name: FIELD_USAGE_METRIC,
    help: 'Operations run that select a schema coordinate (Type.field), by the organisation of the token; organisations past the bound are "other"',
    labelNames: ['organisation', 'coordinate'] as const,
    registers: [registry],
    collect() {
      for (const [coordinates, byOrganisation] of pending) {
        for (const [organisation, runs] of byOrganisation) {
          for (const coordinate of coordinates) usage.inc({ organisation, coordinate }, runs);
        }
      }
      pending.clear();
    },
  });
  const organisationOf = organisationLabels(perKind);
  const walked = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, readonly string[]>>();
  const coordinatesOf = (schema: GraphQLSchema, root: GraphQLObjectType, operation: OperationDefinitionNode, document: DocumentNode): readonly string[] => {
    let bySchema = walked.get(schema);
    if (bySchema === undefined) {
      bySchema = new WeakMap<OperationDefinitionNode, readonly string[]>();
      walked.set(schema, bySchema);
    }
    let coordinates = bySchema.get(operation);
    if (coordinates === undefined) {
      coordinates = [...selectedCoordinates(root, operation.selectionSet, fragmentsOf(document.definitions))];
      bySchema.set(operation, coordinates);
    }
    return coordinates;
  };
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, document, operation, schema }) {
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const organisation = organisationOf(contextValue.principal);
          const coordinates = coordinatesOf(schema, root, operation, document);
          const byOrganisation = pending.get(coordinates) ?? new Map<string, number>();
          pending.set(coordinates, byOrganisation);
          byOrganisation.set(organisation, (byOrganisation.get(organisation) ?? 0) + 1);
        },
      };
    },
  };
}
