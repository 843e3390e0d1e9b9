import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { parsedSubgraphs, registrySubgraphSdls, type SubgraphSdl } from './subgraphs';

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

/**
 * Composes the subgraphs' SDLs (by default every subgraph of the registry, as committed) into the
 * supergraph the gateway serves. Nothing is written: `npm run compose` writes it, `npm run
 * schema:check` compares it, and a gateway federating fewer subgraphs composes its own at start.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[] = registrySubgraphSdls()): CompositionResult {
  const parsed = parsedSubgraphs(subgraphs);
  if (!parsed.ok) return parsed;
  const { services } = parsed;
  const result = composeServices(services);
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
