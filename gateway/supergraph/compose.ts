import { composeServices } from '@apollo/composition';
import { parse, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS, readSubgraphSdl } from './subgraphs';

export type CompositionResult =
  | {
      readonly ok: true;
      readonly supergraphSdl: string;
      /** What clients see: the supergraph without federation machinery. */
      readonly apiSchema: GraphQLSchema;
      readonly hints: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Composes schema/*.graphql into the supergraph the gateway serves. */
export function composeSupergraph(): CompositionResult {
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({ name, url, typeDefs: parse(readSubgraphSdl(name)) })),
  );
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
    hints: result.hints.map((hint) => hint.message),
  };
}
