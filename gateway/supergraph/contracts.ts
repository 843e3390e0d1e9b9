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
function composeContract(services: ParsedServices, profile: Profile): ContractOutcome {
  const filter = PROFILE_FILTERS[profile];
  const result = composeSchemaContract(services, { include: new Set(filter.include), exclude: new Set(filter.exclude) }, false);
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  return { sdl: `${printSchema(lexicographicSortSchema(pruneSchema(clientSchema(result.publicSdl))))}\n` };
}

type ContractOutcome = { readonly sdl: string } | { readonly errors: readonly string[] };

/** Each profile's contract of the subgraphs, or why it does not compose; the parse errors when an SDL does not parse. */
function contractOutcomes(subgraphs: readonly SubgraphSdl[]): { readonly ok: true; readonly outcomes: Readonly<Record<Profile, ContractOutcome>> } | { readonly ok: false; readonly errors: readonly string[] } {
  const parsed = parsedSubgraphs(subgraphs);
  if (!parsed.ok) return parsed;
  return { ok: true, outcomes: Object.fromEntries(PROFILES.map((profile) => [profile, composeContract(parsed.services, profile)])) as Record<Profile, ContractOutcome> };
}

/**
 * Every consumer profile's contract: the subgraphs filtered by the profile's `@tag`s and composed by
 * Hive's contract support, its API schema printed sorted like schema/api.graphql. Types left
 * unreachable by the filter go too (pruneSchema: the library's own pruning trips over the composed
 * `@disclosure` directive's namespaced enum), so a contract names nothing its profile cannot select.
 */
export function composeContracts(subgraphs: readonly SubgraphSdl[] = registrySubgraphSdls()): ContractsResult {
  const composed = contractOutcomes(subgraphs);
  if (!composed.ok) return composed;
  const errors = PROFILES.flatMap((profile) => {
    const outcome = composed.outcomes[profile];
    return 'errors' in outcome ? outcome.errors.map((error) => `${profile}: ${error}`) : [];
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, contracts: Object.fromEntries(PROFILES.map((profile) => [profile, (composed.outcomes[profile] as { sdl: string }).sdl])) as Record<Profile, string> };
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
  const composed = contractOutcomes(subgraphs);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const contract = (outcome: ContractOutcome) => ('errors' in outcome ? EMPTY_CONTRACT_SDL : outcome.sdl);
  return {
    contracts: Object.fromEntries(PROFILES.map((profile) => [profile, contract(composed.outcomes[profile])])) as Record<Profile, string>,
    emptied: PROFILES.flatMap((profile) => {
      const outcome = composed.outcomes[profile];
      return 'errors' in outcome ? [{ profile, reason: outcome.errors.join('; ') }] : [];
    }),
  };
}
