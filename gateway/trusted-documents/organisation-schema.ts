import { buildSchema, type GraphQLSchema } from 'graphql';
import { readApiSchemaSdl } from '../supergraph/subgraphs';

/**
 * The schema an organisation's operations are registered against: the one place that decides it.
 * Today every organisation gets the client-facing API schema (schema/api.graphql); once each
 * consumer profile has its contract (schema/contracts/<profile>.graphql, issue 16) this returns
 * the contract of the organisation's profile, and registration refuses what that contract lacks.
 */
export function schemaForOrganisation(organisation: string): GraphQLSchema {
  if (organisation.trim() === '') throw new Error('An organisation is needed to choose its schema');
  return buildSchema(readApiSchemaSdl());
}
