import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../common/errors';
import type { GatewayContext } from '../context';
import type { CallerContracts } from './caller-contract';
import { suggestionsWithin } from './contract-suggestions';

/**
 * Every operation is validated, before anything is fetched, against the contract of its caller's
 * roles and programmes (docs/partners.md). graphql-js's own messages name the field and suggest
 * others, which would tell a partner what its contract hides: a refusal says neither, and Apollo's
 * own validation errors keep only the suggestions the contract holds (contract-suggestions.ts).
 */
export function contractValidationPlugin(contracts: CallerContracts): ApolloServerPlugin<GatewayContext> {
  // Apollo hands the same parsed document to each request of a cached operation, so each is validated once per contract.
  const verdicts = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, boolean>>();
  const fits = (schema: GraphQLSchema, document: DocumentNode): boolean => {
    let byContract = verdicts.get(document);
    if (byContract === undefined) verdicts.set(document, (byContract = new WeakMap()));
    let verdict = byContract.get(schema);
    if (verdict === undefined) byContract.set(schema, (verdict = validate(schema, document, specifiedRules).length === 0));
    return verdict;
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.principal || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((error) => error.extensions?.['code'] === ErrorCode.GRAPHQL_VALIDATION_FAILED)) return;
          const { schema } = contracts.of(contextValue.principal);
          response.body.singleResult.errors = errors.map((error) => ({ ...error, message: suggestionsWithin(schema, error.message) }));
        },
        async didResolveOperation({ contextValue, document }) {
          if (!contextValue.principal) return;
          const { schema } = contracts.of(contextValue.principal);
          if (fits(schema, document)) return;
          throw new GraphQLError('The operation selects what the contract of this token does not hold (GET /schema returns the contract)', {
            extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
          });
        },
      };
    },
  };
}
