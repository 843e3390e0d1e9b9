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
      name: 'only-a-subgraphs-entry-from-outside',
      comment:
        "A subgraph is reached through its schema, its descriptor (subgraph.ts, listed in " +
        'subgraphs/registry.ts) and, for dtsen in the gateway\'s process, in-process.ts. An import ' +
        "of anything else in its folder ties the importer to one subgraph's storage records or " +
        'resolvers and lets the two drift apart unchecked (issue 15, items 1 and 2).',
      severity: 'error',
      from: { path: '^(common|gateway|subgraph-calls|resolution|import|seed|scripts|generated)/' },
      to: { path: '^subgraphs/[^/]+/', pathNot: '^subgraphs/[^/]+/subgraph\\.ts$|^subgraphs/dtsen/in-process\\.ts$' },
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
      name: 'subgraph-imports-no-caller',
      comment:
        'A subgraph is a service the gateway calls (dtsen runs in its process only by default); an ' +
        'import of the gateway, the start scripts or the bench would run an arrow upward and stop ' +
        'it from running as its own service.',
      severity: 'error',
      from: { path: '^subgraphs/' },
      to: { path: '^(gateway|scripts|bench)/' },
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
        "The dashboard's browser script is loaded by a <script> tag, not by an import; the test " +
        "workers' TypeScript loader by jest.config.js.",
      severity: 'error',
      from: { orphan: true, pathNot: ['^gateway/dashboard/assets/', '^test/support/typescript[.]mjs$'] },
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
