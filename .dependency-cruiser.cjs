/**
 * Layer rules (docs/architecture.md#layers), checked by `npm run lint:deps` and
 * test/architecture/layers.test.ts. Violations that existed when a rule was adopted are listed in
 * .dependency-cruiser-known-violations.json; anything new fails.
 */

/** Folders that make up the product, as opposed to its tests and its bench. */
const PRODUCT = '^(common|gateway|subgraph-calls|subgraphs|resolution|import|seed|scripts|generated)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'subgraph-imports-no-other-subgraph',
      comment:
        'Each register subgraph owns one store and is deployed on its own: an import from another ' +
        'subgraph couples two registers that must change, scale and fail independently. Shared ' +
        'code belongs in common/.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/[^/]+/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'gateway-imports-no-subgraph-internals',
      comment:
        "The gateway (dtsen included) talks to the subgraphs over their schema, not their code: " +
        'importing a subgraph folder ties the gateway to one register\'s storage records and lets ' +
        'the two drift apart unchecked (issue 15, item 1).',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^subgraphs/[^/]+/' },
    },
    {
      name: 'common-imports-no-product-code',
      comment:
        'common/ is the bottom layer every part builds on; an import from it into a part makes ' +
        'every other part depend on that one and, sooner or later, a cycle.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(gateway|subgraph-calls|subgraphs|resolution|import|seed|scripts|bench)/' },
    },
    {
      name: 'product-imports-no-test-code',
      comment:
        'Test and bench code (harnesses, fixtures, fakes) is not built or shipped (tsconfig.build.json) ' +
        'and must never run in production.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'subgraph-calls-import-no-caller',
      comment:
        'subgraph-calls/ is how the gateway and dtsen both reach a subgraph (transport, signing, ' +
        'resilience, directory, data sources); an import from it into either caller would run an ' +
        'arrow upward, and one into a subgraph would tie every call to one register\'s code.',
      severity: 'error',
      from: { path: '^subgraph-calls/' },
      to: { path: '^(gateway|subgraphs)/' },
    },
    {
      name: 'dtsen-imports-nothing-above-it',
      comment:
        'dtsen is a subgraph served in the gateway process only by default; it must not reach up ' +
        'into the gateway that calls it, so that it can run as its own service (DTSEN_URL) and ' +
        'move to subgraphs/dtsen (issue 15, item 3).',
      severity: 'error',
      from: { path: '^gateway/dtsen/' },
      to: { path: '^gateway/', pathNot: '^gateway/dtsen/' },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle means neither module can be understood, tested or moved without the other; it ' +
        'also makes the order of module initialisation matter.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports and that imports nothing is dead code or a part never wired in. ' +
        "The dashboard's browser script is loaded by a <script> tag, not by an import.",
      severity: 'error',
      from: { orphan: true, pathNot: '^gateway/dashboard/assets/' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|coverage|data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports couple layers as much as value imports do.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.json'],
      // Resolve packages through their exports maps (csv-parse/sync, pure-rand/...) as Node and tsc do.
      exportsFields: ['exports'],
      conditionNames: ['require', 'import', 'node', 'types', 'default'],
      // Type-only packages (@graphql-typed-document-node/core) name no main, only typings.
      mainFields: ['main', 'types', 'typings'],
    },
    cache: false,
  },
};
