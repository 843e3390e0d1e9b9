import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../gateway/supergraph/compose';
import { printRequiresFragments, REQUIRES_FRAGMENTS_PATH } from '../gateway/supergraph/requires-fragments';
import { API_SCHEMA_PATH, SUPERGRAPH_PATH } from '../gateway/supergraph/subgraphs';

const result = composeSupergraph();
if (!result.ok) {
  console.error(`Composition failed:\n${result.errors.join('\n')}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);
writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
writeFileSync(API_SCHEMA_PATH, result.apiSchemaSdl);
mkdirSync(path.dirname(REQUIRES_FRAGMENTS_PATH), { recursive: true });
writeFileSync(REQUIRES_FRAGMENTS_PATH, printRequiresFragments());
for (const file of [SUPERGRAPH_PATH, API_SCHEMA_PATH, REQUIRES_FRAGMENTS_PATH]) console.log(`Wrote ${path.relative(process.cwd(), file)}`);
