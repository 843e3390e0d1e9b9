import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, visit, type ASTNode, type DocumentNode } from 'graphql';
import { PROFILE_FILTERS } from '../../common/auth/contract-profiles';
import { schemaDisclosure } from '../../common/auth/schema-disclosure';
import { registrySubgraphSdls, type SubgraphSdl } from '../supergraph/subgraphs';
import { checkSchema, exitCodeOf, type SchemaCheckOptions, type SchemaCheckResult } from './schema-check';

/** A subgraph a ministry proposes: a new name adds it, a registry name replaces that subgraph's SDL. */
export interface SubgraphCandidate {
  readonly name: string;
  readonly sdl: string;
  /** Where the gateway would call it; only written into the composed supergraph. */
  readonly url?: string;
}

/** Every tag some consumer profile filters by (common/auth/contract-profiles.ts): a tag outside them selects nothing. */
export const CONTRACT_TAGS: readonly string[] = [...new Set(Object.values(PROFILE_FILTERS).flatMap((filter) => [...filter.include, ...filter.exclude]))].sort();

export interface SubgraphCheckResult {
  readonly subgraph: string;
  /** `replaced` when the registry has a subgraph of this name, else `added`. */
  readonly change: 'added' | 'replaced';
  /** Why the SDL does not build as a subgraph, if it does not (then its disclosure classes cannot be read). */
  readonly sdlErrors: readonly string[];
  /** `Type.field` of each field that has no `@disclosure` class, on itself or its type. */
  readonly unclassified: readonly string[];
  /** Each `@tag` whose name no profile knows, with the coordinate it is on. */
  readonly unknownTags: readonly { readonly tag: string; readonly coordinate: string }[];
  /** The schema check of the supergraph with the candidate in it. */
  readonly schemaCheck: SchemaCheckResult;
}

const SUBGRAPH_NAME = /^[a-z][a-z0-9]*$/;

/** The name must work as a folder of subgraphs/ and as the prefix of `<NAME>_URL` and `<NAME>_SIGNING_SECRET`. */
export function subgraphNameProblem(name: string): string | null {
  return SUBGRAPH_NAME.test(name) ? null : `"${name}" is not a subgraph name: lower-case letters and digits, starting with a letter (it becomes subgraphs/<name>/ and <NAME>_URL)`;
}

/** The coordinate a node sits in, from the names of its ancestors: `Type`, `Type.field`, `Type.field(argument:)`, `Enum.VALUE`. */
function coordinateOf(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const names: string[] = [];
  for (const ancestor of ancestors) {
    if (Array.isArray(ancestor) || !('kind' in ancestor)) continue;
    const node = ancestor as ASTNode;
    if (node.kind === Kind.SCHEMA_EXTENSION || node.kind === Kind.SCHEMA_DEFINITION) return 'schema';
    if ('name' in node && node.name !== undefined && node.kind !== Kind.DIRECTIVE) {
      names.push(node.kind === Kind.INPUT_VALUE_DEFINITION && names.length === 2 ? `(${node.name.value}:)` : node.name.value);
    }
  }
  const [type, field, argument] = names;
  return [type, field ? `.${field}` : '', argument ?? ''].join('');
}

function tagsOf(document: DocumentNode): { tag: string; coordinate: string }[] {
  const tags: { tag: string; coordinate: string }[] = [];
  visit(document, {
    Directive(node, _key, _parent, _path, ancestors) {
      if (node.name.value !== 'tag' && node.name.value !== 'federation__tag') return;
      const name = node.arguments?.find((argument) => argument.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) tags.push({ tag: name.value, coordinate: coordinateOf(ancestors) });
    },
  });
  return tags;
}

/**
 * `npm run subgraph:check`: the candidate's own rules (a disclosure class on every field, only the
 * profiles' tags), then the schema check of the supergraph composed with it: a subgraph must not
 * break the API schema, any contract or any registered operation.
 */
export function checkSubgraph(candidate: SubgraphCandidate, options: Omit<SchemaCheckOptions, 'subgraphs'> = {}): SubgraphCheckResult {
  const registry = registrySubgraphSdls();
  const known = registry.find((subgraph) => subgraph.name === candidate.name);
  const proposed: SubgraphSdl = { name: candidate.name, url: candidate.url ?? known?.url ?? `http://${candidate.name}.invalid/graphql`, sdl: candidate.sdl };
  const subgraphs = known ? registry.map((subgraph) => (subgraph.name === candidate.name ? proposed : subgraph)) : [...registry, proposed];
  let document: DocumentNode | null = null;
  const sdlErrors: string[] = [];
  let unclassified: string[] = [];
  try {
    document = parse(candidate.sdl);
    unclassified = schemaDisclosure(buildSubgraphSchema([{ typeDefs: document }])).unclassified();
  } catch (error) {
    sdlErrors.push((error as Error).message);
  }
  const unknownTags = document ? tagsOf(document).filter(({ tag }) => !CONTRACT_TAGS.includes(tag)) : [];
  return { subgraph: candidate.name, change: known ? 'replaced' : 'added', sdlErrors, unclassified, unknownTags, schemaCheck: checkSchema({ ...options, subgraphs }) };
}

/** 2 when it does not compose (or does not parse), 1 on any other problem, 0 when it may be added. */
export function subgraphExitCode(result: SubgraphCheckResult): 0 | 1 | 2 {
  const schema = exitCodeOf(result.schemaCheck);
  if (schema === 2) return 2;
  return schema === 1 || result.sdlErrors.length > 0 || result.unclassified.length > 0 || result.unknownTags.length > 0 ? 1 : 0;
}
