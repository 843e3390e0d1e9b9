import {
  buildASTSchema,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  type DefinitionNode,
  type GraphQLSchema,
  type TypeDefinitionNode,
} from 'graphql';
import { PROFILES, profilesOf, type Profile } from '../../common/auth/contract-profiles';
import type { Principal } from '../../common/auth/principal';
import { readContractSdl } from '../supergraph/subgraphs';

export interface CallerContract {
  /** What the caller may select, to validate its operations against. */
  readonly schema: GraphQLSchema;
  /** The same, printed sorted like schema/contracts/*.graphql (GET /schema). */
  readonly sdl: string;
}

export interface CallerContracts {
  /** The union of the contracts of the principal's profiles; a principal of no profile gets an empty Query. */
  of(principal: Pick<Principal, 'roles' | 'programmes'>): CallerContract;
}

type Members = NonNullable<Extract<TypeDefinitionNode, { fields?: unknown }>['fields']>;

/** Two definitions of one type as one: the fields (or enum values) of either, the first's where both have one. */
function merged(first: TypeDefinitionNode, second: TypeDefinitionNode): TypeDefinitionNode {
  if ((first.kind === Kind.OBJECT_TYPE_DEFINITION && second.kind === Kind.OBJECT_TYPE_DEFINITION) || (first.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && second.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION)) {
    const names = new Set((first.fields as Members | undefined)?.map((field) => field.name.value));
    const fields = [...(first.fields ?? []), ...((second.fields as Members | undefined) ?? []).filter((field) => !names.has(field.name.value))];
    return { ...first, fields } as TypeDefinitionNode;
  }
  if (first.kind === Kind.ENUM_TYPE_DEFINITION && second.kind === Kind.ENUM_TYPE_DEFINITION) {
    const names = new Set(first.values?.map((value) => value.name.value));
    return { ...first, values: [...(first.values ?? []), ...(second.values ?? []).filter((value) => !names.has(value.name.value))] };
  }
  return first;
}

/** The union of contracts, each made by the composition library: a type or field is in it when it is in one of them. */
function union(sdls: readonly string[]): string {
  const types = new Map<string, TypeDefinitionNode>();
  for (const sdl of sdls) {
    for (const definition of parse(sdl).definitions) {
      if (!('name' in definition) || definition.name === undefined || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
      const type = definition as TypeDefinitionNode;
      const known = types.get(type.name.value);
      types.set(type.name.value, known ? merged(known, type) : type);
    }
  }
  const definitions: DefinitionNode[] = [...types.values()];
  return `${printSchema(lexicographicSortSchema(buildASTSchema({ kind: Kind.DOCUMENT, definitions })))}\n`;
}

/**
 * The contracts, read once (default: the committed ones, schema/contracts; a gateway federating fewer
 * subgraphs passes those it composed at start), and their unions per set of profiles, built once each.
 */
export function callerContracts(contractSdls?: Readonly<Record<Profile, string>>): CallerContracts {
  const sdls = new Map<Profile, string>(PROFILES.map((profile) => [profile, contractSdls?.[profile] ?? readContractSdl(profile)]));
  const cache = new Map<string, CallerContract>();
  return {
    of(principal) {
      const profiles = profilesOf(principal);
      const key = profiles.join(',');
      let contract = cache.get(key);
      if (contract === undefined) {
        const sdl = profiles.length === 1 ? sdls.get(profiles[0] as Profile)! : union(profiles.length === 0 ? ['type Query { _empty: Boolean }'] : profiles.map((profile) => sdls.get(profile)!));
        contract = { schema: buildASTSchema(parse(sdl, { noLocation: true })), sdl };
        cache.set(key, contract);
      }
      return contract;
    },
  };
}
