import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../gateway/supergraph/compose';
import { composeContracts } from '../gateway/supergraph/contracts';
import { printRequiresFragments, REQUIRES_FRAGMENTS_PATH } from '../gateway/supergraph/requires-fragments';
import { API_SCHEMA_PATH, CONTRACTS_DIR, contractPath, SUPERGRAPH_PATH } from '../gateway/supergraph/subgraphs';

const result = composeSupergraph();
if (!result.ok) {
  console.error(`Composition failed:\n${result.errors.join('\n')}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);
const contracts = composeContracts();
if (!contracts.ok) {
  console.error(`Contract composition failed:\n${contracts.errors.join('\n')}`);
  process.exit(1);
}
writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
writeFileSync(API_SCHEMA_PATH, result.apiSchemaSdl);
mkdirSync(path.dirname(REQUIRES_FRAGMENTS_PATH), { recursive: true });
writeFileSync(REQUIRES_FRAGMENTS_PATH, printRequiresFragments());
rmSync(CONTRACTS_DIR, { recursive: true, force: true });
mkdirSync(CONTRACTS_DIR, { recursive: true });
const contractFiles = Object.entries(contracts.contracts).map(([profile, sdl]) => {
  writeFileSync(contractPath(profile), sdl);
  return contractPath(profile);
});
for (const file of [SUPERGRAPH_PATH, API_SCHEMA_PATH, REQUIRES_FRAGMENTS_PATH, ...contractFiles]) console.log(`Wrote ${path.relative(process.cwd(), file)}`);
