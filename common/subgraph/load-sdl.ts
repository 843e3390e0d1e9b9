import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** The SDL text of subgraphs/<name>/schema.graphql, the contract of one subgraph. */
export function readSdl(name: string): string {
  return readFileSync(path.join(__dirname, '../../subgraphs', name, 'schema.graphql'), 'utf8');
}

/** The parsed SDL of subgraphs/<name>/schema.graphql, for buildSubgraphSchema. */
export function loadSdl(name: string): DocumentNode {
  return parse(readSdl(name));
}
