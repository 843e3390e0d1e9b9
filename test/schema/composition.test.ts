import { composeSupergraph, type CompositionResult } from '../../gateway/supergraph/compose';
import { composeContracts, type ContractsResult } from '../../gateway/supergraph/contracts';
import { apiSchemaCases } from './api-schema';
import { contractsCases } from './contracts';
import { schemaCheckCases } from './schema-check';
import { subgraphCheckCases } from './subgraph-check';
import { supergraphCases } from './supergraph';

// Every test that composes SDLs, in one file: a file of its own loaded the composition libraries
// and warmed them up afresh (the first composition of a file costs about twice a later one), and
// the supergraph and API schema cases composed the registry's SDLs once each.

let supergraph: CompositionResult | undefined;
let contracts: ContractsResult | undefined;
/** The registry's SDLs composed, once for the file, when a case first reads them. */
const composed = () => (supergraph ??= composeSupergraph());
const composedContracts = () => (contracts ??= composeContracts());

supergraphCases(composed);
apiSchemaCases(composed);
contractsCases(composedContracts);
schemaCheckCases();
subgraphCheckCases();
