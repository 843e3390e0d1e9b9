import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSdl } from '../../common/subgraph/load-sdl';

export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
/** The client-facing schema, committed for clients' tools (codegen, editors); the gateway never reads it. */
export const API_SCHEMA_PATH = path.join(SCHEMA_DIR, 'api.graphql');

/**
 * The subgraphs of the supergraph, with the URL written into it. The gateway replaces these URLs
 * with the configured ones at start; they only need to be right for a default local run.
 */
export const SUBGRAPHS = [
  { name: 'dtks', url: 'http://localhost:4001/graphql' },
  { name: 'regsosek', url: 'http://localhost:4002/graphql' },
  { name: 'p3ke', url: 'http://localhost:4003/graphql' },
  { name: 'dtsen', url: 'http://localhost:4004/graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function readSubgraphSdl(name: SubgraphName): string {
  return readSdl(name);
}

export function readSupergraphSdl(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

export function readApiSchemaSdl(): string {
  return readFileSync(API_SCHEMA_PATH, 'utf8');
}
