import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import type { SchemaDisclosure } from '../../common/auth/schema-disclosure';
import { ErrorCode } from '../../common/errors';
import type { GatewayContext } from '../context';
import { fragmentsOf, selectedFields, type Fragments } from './operation-walk';

/**
 * What a partner ministry may select: the fields marked `@disclosure(partner: true)` in the SDL,
 * look-ups and the resolved fields of its programmes, never the registers' own records, data-quality
 * findings, searches or statistics. The dtsen subgraph narrows eligibility and targeting to the
 * partner's programmes.
 */
type Allowed = (type: GraphQLObjectType, fieldName: string) => boolean;

function firstRefused(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: Fragments, allowed: Allowed): string | null {
  for (const field of selectedFields(type, selectionSet, fragments)) {
    if (!allowed(type, field.fieldName)) return `${type.name}.${field.fieldName}`;
    if (field.objectType && field.selectionSet) {
      const refused = firstRefused(field.objectType, field.selectionSet, fragments, allowed);
      if (refused) return refused;
    }
  }
  return null;
}

/** Refuses, before anything is fetched, an operation of a programme-bound principal that selects other fields. */
export function partnerFieldsPlugin(disclosure: SchemaDisclosure): ApolloServerPlugin<GatewayContext> {
  const allowed: Allowed = (type, fieldName) => fieldName === '__typename' || disclosure.field(type.name, fieldName)?.partner === true;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema }) {
          if (!operation || !contextValue.principal || contextValue.principal.programmes === null) return;
          const root = schema.getRootType(operation.operation);
          const refused = root ? firstRefused(root, operation.selectionSet, fragmentsOf(document.definitions), allowed) : 'the operation';
          if (refused) {
            throw new GraphQLError(`A partner token may not read ${refused}`, {
              extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
