import { readFileSync } from 'node:fs';
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
