import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator over the client-facing schema: typed documents and result types for the
 * project's own operations (`npm run codegen`; a test fails when generated/graphql is stale).
 * Frontend teams can start from this file: see docs/clients.md.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['gateway/dashboard/queries/*.graphql', 'gateway/playground/examples/*.graphql', 'resolution/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'generated/graphql/': {
      preset: 'client',
      // Our clients read whole answers; masking pays off in component trees (docs/clients.md).
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumType: 'string-literal' },
    },
  },
};

export default config;
