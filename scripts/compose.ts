import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../gateway/supergraph/compose';
import { SUPERGRAPH_PATH } from '../gateway/supergraph/subgraphs';

const result = composeSupergraph();
if (!result.ok) {
  console.error(`Composition failed:\n${result.errors.join('\n')}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);
writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
console.log(`Wrote ${path.relative(process.cwd(), SUPERGRAPH_PATH)}`);
