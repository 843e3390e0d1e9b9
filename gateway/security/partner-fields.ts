import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../../common/errors';
import type { GatewayContext } from '../context';
import { fragmentsOf, selectedFields, type Fragments } from './operation-walk';

/**
 * What a partner ministry may select: look-ups and the resolved fields of its programmes, never the
 * registers' own records, data-quality findings, searches or statistics. `*` allows every field of
 * the type. The dtsen subgraph narrows eligibility and targeting to the partner's programmes.
 */
const PARTNER_FIELDS: Readonly<Record<string, '*' | readonly string[]>> = {
  Query: ['household', 'person', 'ruleSet'],
  Household: ['noKK', 'sources', 'members', 'region', 'desil', 'eligibility', 'targeting'],
  Person: ['nik', 'name', 'sex', 'birthDate', 'age', 'alive', 'households', 'nikCheck', 'sources'],
  Region: '*',
  ResolvedDesil: '*',
  DesilCandidate: '*',
  ProgramEligibility: '*',
  TargetingStatus: '*',
  NikCheck: '*',
  RuleSetInfo: '*',
};

function allowed(type: GraphQLObjectType, fieldName: string): boolean {
  if (fieldName === '__typename') return true;
  const fields = PARTNER_FIELDS[type.name];
  return fields === '*' || (fields !== undefined && fields.includes(fieldName));
}

function firstRefused(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: Fragments): string | null {
  for (const field of selectedFields(type, selectionSet, fragments)) {
    if (!allowed(type, field.fieldName)) return `${type.name}.${field.fieldName}`;
    if (field.objectType && field.selectionSet) {
      const refused = firstRefused(field.objectType, field.selectionSet, fragments);
      if (refused) return refused;
    }
  }
  return null;
}

/** Refuses, before anything is fetched, an operation of a programme-bound principal that selects other fields. */
export function partnerFieldsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema }) {
          if (!operation || !contextValue.principal || contextValue.principal.programmes === null) return;
          const root = schema.getRootType(operation.operation);
          const refused = root ? firstRefused(root, operation.selectionSet, fragmentsOf(document.definitions)) : 'the operation';
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
