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

type ParsedServices = Extract<ReturnType<typeof parsedSubgraphs>, { ok: true }>['services'];

/** One profile's contract of parsed subgraphs: its SDL, or the composition library's errors. */
function composeContract(services: ParsedServices, profile: Profile): { readonly sdl: string } | { readonly errors: readonly string[] } {
  const filter = PROFILE_FILTERS[profile];
  const result = composeSchemaContract(services, { include: new Set(filter.include), exclude: new Set(filter.exclude) }, false);
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return { sdl: `${printSchema(lexicographicSortSchema(pruneSchema(clientSchema(result.publicSdl))))}\n` };
}

/**
 * Every consumer profile's contract: the subgraphs filtered by the profile's `@tag`s and composed by
 * Hive's contract support, its API schema printed sorted like schema/api.graphql. Types left
 * unreachable by the filter go too (pruneSchema: the library's own pruning trips over the composed
 * `@disclosure` directive's namespaced enum), so a contract names nothing its profile cannot select.
 */
export function composeContracts(subgraphs: readonly SubgraphSdl[] = registrySubgraphSdls()): ContractsResult {
  const parsed = parsedSubgraphs(subgraphs);
  if (!parsed.ok) return parsed;
  const contracts: Partial<Record<Profile, string>> = {};
  const errors: string[] = [];
  for (const profile of PROFILES) {
    const result = composeContract(parsed.services, profile);
    if ('errors' in result) errors.push(...result.errors.map((error) => `${profile}: ${error}`));
    else contracts[profile] = result.sdl;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, contracts: contracts as Record<Profile, string> };
}

/** A contract that holds nothing a client can select: what a principal of no profile reads. */
export const EMPTY_CONTRACT_SDL = 'type Query {\n  _empty: Boolean\n}\n';

/**
 * The contracts of a deployment federating some of the subgraphs: as composeContracts, but a profile
 * whose contract does not compose (typically: none of its tagged fields is served, so its Query is
 * empty) gets the empty contract, and its errors are returned to be logged.
 */
export function composeDeploymentContracts(subgraphs: readonly SubgraphSdl[]): {
  readonly contracts: Readonly<Record<Profile, string>>;
  readonly emptied: readonly { readonly profile: Profile; readonly reason: string }[];
} {
  const parsed = parsedSubgraphs(subgraphs);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const contracts: Partial<Record<Profile, string>> = {};
  const emptied: { profile: Profile; reason: string }[] = [];
  for (const profile of PROFILES) {
    const result = composeContract(parsed.services, profile);
    if ('errors' in result) emptied.push({ profile, reason: result.errors.join('; ') });
    contracts[profile] = 'errors' in result ? EMPTY_CONTRACT_SDL : result.sdl;
  }
  return { contracts: contracts as Record<Profile, string>, emptied };
}
