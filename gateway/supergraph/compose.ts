import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS, readSubgraphSdl } from './subgraphs';

export type CompositionResult =
  | {
      readonly ok: true;
      readonly supergraphSdl: string;
      /** What clients see: the supergraph without federation machinery. */
      readonly apiSchema: GraphQLSchema;
      /** The API schema printed with types and fields sorted, so a diff shows only what changed. */
      readonly apiSchemaSdl: string;
      readonly hints: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Composes schema/*.graphql into the supergraph the gateway serves. */
export function composeSupergraph(): CompositionResult {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(readSubgraphSdl(name)) })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    apiSchema,
    apiSchemaSdl: `${printSchema(lexicographicSortSchema(apiSchema))}\n`,
    hints: result.hints.map((hint) => hint.message),
  };
}
