import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLObjectType, SelectionSetNode } from 'graphql';
import { seesIdentity, shownIdentity } from '../../common/auth/disclosure';
import type { SchemaDisclosure } from '../../common/auth/schema-disclosure';
import type { GatewayContext } from '../context';
import { fragmentsOf, selectedFields, type Fragments } from './operation-walk';

/**
 * Entity keys (`@disclosure(class: KEY)`): the query planner joins the registers on them, so the
 * subgraphs must send them unmasked, and they are masked here, in the response the client gets.
 * Every other personal field is masked by the subgraph that holds it.
 */
type IsKey = (type: string, field: string) => boolean;

/** Masks NIK and No. KK keys in responses to principals without the `pii` scope. */
export function keyMaskingPlugin(disclosure: SchemaDisclosure): ApolloServerPlugin<GatewayContext> {
  const isKey: IsKey = (type, field) => disclosure.field(type, field)?.class === 'KEY';
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, document, operation, schema }) {
          if (!contextValue.principal || seesIdentity(contextValue.principal)) return;
          if (response.body.kind !== 'single' || !document || !operation) return;
          const data = response.body.singleResult.data;
          const root = schema.getRootType(operation.operation);
          if (data && root) maskKeys(root, operation.selectionSet, data, fragmentsOf(document.definitions), shownIdentity(contextValue.principal, 'identifier'), isKey);
        },
      };
    },
  };
}

function maskKeys(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  value: Record<string, unknown>,
  fragments: Fragments,
  mask: (value: string) => string,
  isKey: IsKey,
): void {
  for (const field of selectedFields(type, selectionSet, fragments)) {
    const fieldValue = value[field.responseKey];
    if (fieldValue === null || fieldValue === undefined) continue;
    if (isKey(type.name, field.fieldName) && typeof fieldValue === 'string') {
      value[field.responseKey] = mask(fieldValue);
    } else if (field.objectType && field.selectionSet) {
      for (const item of Array.isArray(fieldValue) ? fieldValue.flat(Infinity) : [fieldValue]) {
        if (item !== null && typeof item === 'object') maskKeys(field.objectType, field.selectionSet, item as Record<string, unknown>, fragments, mask, isKey);
      }
    }
  }
}
