import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import path from 'node:path';
import { readSdl } from '../../common/subgraph/load-sdl';
import { SUBGRAPH_REGISTRY } from '../../subgraphs/registry';

export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
/** The client-facing schema, committed for clients' tools (codegen, editors); the gateway never reads it. */
export const API_SCHEMA_PATH = path.join(SCHEMA_DIR, 'api.graphql');

/**
 * The subgraphs of the supergraph (subgraphs/registry.ts), with the URL written into it. The gateway replaces these URLs
 * with the configured ones at start; they only need to be right for a default local run.
 */
export const SUBGRAPHS: readonly { readonly name: string; readonly url: string }[] = SUBGRAPH_REGISTRY.map((subgraph) => ({
  name: subgraph.name,
  url: `http://localhost:${subgraph.defaultPort}/graphql`,
}));

/** A subgraph's name in subgraphs/registry.ts. */
export type SubgraphName = string;

export function readSubgraphSdl(name: SubgraphName): string {
  return readSdl(name);
}

/** One subgraph as composition takes it: its name, the URL written into the supergraph and its SDL text. */
export interface SubgraphSdl {
  readonly name: SubgraphName;
  readonly url: string;
  readonly sdl: string;
}

/** The registry's subgraphs (all, or those named, in the registry's order) with their committed SDLs. */
export function registrySubgraphSdls(names?: readonly SubgraphName[]): SubgraphSdl[] {
  return SUBGRAPHS.filter(({ name }) => names === undefined || names.includes(name)).map(({ name, url }) => ({ name, url, sdl: readSubgraphSdl(name) }));
}

export function readSupergraphSdl(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

export function readApiSchemaSdl(): string {
  return readFileSync(API_SCHEMA_PATH, 'utf8');
}

/** The contracts' API schemas, one file per consumer profile (common/auth/contract-profiles.ts). */
export const CONTRACTS_DIR = path.join(SCHEMA_DIR, 'contracts');

export function contractPath(profile: string): string {
  return path.join(CONTRACTS_DIR, `${profile}.graphql`);
}

export function readContractSdl(profile: string): string {
  return readFileSync(contractPath(profile), 'utf8');
}

/** Subgraphs parsed for composition, or each SDL's syntax error naming its subgraph. */
export function parsedSubgraphs(
  subgraphs: readonly SubgraphSdl[],
): { readonly ok: true; readonly services: { name: string; url: string; typeDefs: DocumentNode }[] } | { readonly ok: false; readonly errors: readonly string[] } {
  const services: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const errors: string[] = [];
  for (const { name, url, sdl } of subgraphs) {
    try {
      services.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message}`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, services };
}
