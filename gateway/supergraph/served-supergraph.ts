import type { Profile } from '../../common/auth/contract-profiles';
import { readSupergraphSdl, registrySubgraphSdls } from './subgraphs';

/** What a gateway serves: a supergraph and the contracts its callers read it through. */
export interface ServedSupergraph {
  readonly supergraphSdl: string;
  /** Absent: the committed contracts (schema/contracts) go with the committed supergraph. */
  readonly contracts?: Readonly<Record<Profile, string>>;
  /** How long composing took at start (ms); null when the committed supergraph is served as is. */
  readonly composedInMs: number | null;
  /** Profiles left with an empty contract because nothing they may select is federated, each with the library's reason. */
  readonly emptiedContracts: readonly { readonly profile: Profile; readonly reason: string }[];
}

/** The subgraph names a supergraph joins (its `join__Graph` values). */
export function supergraphSubgraphs(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1] as string).sort();
}

/**
 * The supergraph of a deployment federating `subgraphs` (`SUBGRAPHS`): the committed one when it
 * joins exactly those, else composed from their SDLs now, with its contracts (about a second,
 * docs/partners.md). Throws naming the variable when they do not compose, e.g. dtsen without a
 * register its `@requires` reads.
 */
export function servedSupergraph(subgraphs: readonly string[], committedSdl: string = readSupergraphSdl()): ServedSupergraph {
  if (supergraphSubgraphs(committedSdl).join() === [...subgraphs].sort().join()) return { supergraphSdl: committedSdl, composedInMs: null, emptiedContracts: [] };
  const started = performance.now();
  // Required here, not imported: the composition libraries are a large part of a gateway's start-up,
  // and a deployment federating every subgraph serves the committed supergraph without them.
  const { composeSupergraph } = require('./compose') as typeof import('./compose');
  const { composeDeploymentContracts } = require('./contracts') as typeof import('./contracts');
  const sdls = registrySubgraphSdls(subgraphs);
  const composed = composeSupergraph(sdls);
  if (!composed.ok) throw new Error(`SUBGRAPHS=${subgraphs.join(',')} does not compose:\n${composed.errors.join('\n')}`);
  const { contracts, emptied } = composeDeploymentContracts(sdls);
  return { supergraphSdl: composed.supergraphSdl, contracts, composedInMs: Math.round(performance.now() - started), emptiedContracts: emptied };
}
