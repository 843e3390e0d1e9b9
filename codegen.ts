import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator over the client-facing schema: typed documents and result types for the
 * project's own operations (`npm run codegen`; a test fails when generated/ is stale).
 * Frontend teams can start from this file: see docs/clients.md.
 */
const config: CodegenConfig = {
  ignoreNoDocuments: false,
  generates: {
    'generated/graphql/': {
      schema: 'schema/api.graphql',
      documents: ['gateway/dashboard/queries/*.graphql', 'gateway/playground/examples/*.graphql', 'resolution/operations/*.graphql'],
      preset: 'client',
      // Our clients read whole answers; masking pays off in component trees (docs/clients.md).
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumType: 'string-literal' },
    },
    // What dtsen receives from the registers: the @requires selections of subgraphs/dtsen/schema.graphql as
    // fragments (written by `npm run compose`), typed against the supergraph, which unlike the API
    // schema holds the @inaccessible `…Input` fields they select.
    'generated/requires/representations.ts': {
      schema: 'schema/supergraph.graphql',
      documents: 'generated/requires/requires.graphql',
      plugins: ['typescript-operations'],
      config: {
        enumType: 'string-literal',
        skipTypename: true,
        immutableTypes: true,
        avoidOptionals: true,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
