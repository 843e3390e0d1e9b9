import { composeSchemaContract } from '@theguild/federation-composition';
import { pruneSchema } from '@graphql-tools/utils';
import { buildASTSchema, Kind, lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { PROFILE_FILTERS, PROFILES, type Profile } from '../../common/auth/contract-profiles';
import { parsedSubgraphs, registrySubgraphSdls, type SubgraphSdl } from './subgraphs';

/**
 * The contract's public SDL as clients see schema/api.graphql: without directive definitions (the
 * composed `@disclosure` names an enum the public SDL leaves out).
 */
function clientSchema(publicSdl: string): GraphQLSchema {
  const document = parse(publicSdl);
  return buildASTSchema({ ...document, definitions: document.definitions.filter((definition) => definition.kind !== Kind.DIRECTIVE_DEFINITION) }, { assumeValidSDL: true });
}

export type ContractsResult =
  | { readonly ok: true; readonly contracts: Readonly<Record<Profile, string>> }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Every consumer profile's contract: the subgraphs filtered by the profile's `@tag`s and composed by
 * Hive's contract support, its API schema printed sorted like schema/api.graphql. Types left
 * unreachable by the filter go too (pruneSchema: the library's own pruning trips over the composed
 * `@disclosure` directive's namespaced enum), so a contract names nothing its profile cannot select.
 */
export function composeContracts(subgraphs: readonly SubgraphSdl[] = registrySubgraphSdls()): ContractsResult {
  const parsed = parsedSubgraphs(subgraphs);
  if (!parsed.ok) return parsed;
  const { services } = parsed;
  const contracts: Partial<Record<Profile, string>> = {};
  const errors: string[] = [];
  for (const profile of PROFILES) {
    const filter = PROFILE_FILTERS[profile];
    const result = composeSchemaContract(services, { include: new Set(filter.include), exclude: new Set(filter.exclude) }, false);
    if (result.errors) errors.push(...result.errors.map((error) => `${profile}: ${error.message}`));
    else contracts[profile] = `${printSchema(lexicographicSortSchema(pruneSchema(clientSchema(result.publicSdl))))}\n`;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, contracts: contracts as Record<Profile, string> };
}
