import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

const EXAMPLES_DIR = path.join(__dirname, 'examples');

const EXAMPLE_VARIABLES: Readonly<Record<string, object>> = {
  '2-household.graphql': { noKK: 'paste a noKK from the first tab' },
  '4-person.graphql': { nik: 'paste a NIK from a household' },
};

export interface ExampleOperation {
  readonly file: string;
  readonly query: string;
  readonly variables: object | undefined;
}

/** The saved example operations, in file-name order. */
export function exampleOperations(): ExampleOperation[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      file,
      query: readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'),
      variables: EXAMPLE_VARIABLES[file],
    }));
}

/**
 * GraphiQL with its scripts and styles inlined, so the playground works on a machine without
 * internet (Apollo's default landing page loads from a CDN), opened with the examples as tabs.
 */
export function graphiqlLandingPage(): ApolloServerPlugin {
  let html: string | undefined;
  // Required on the first page asked for, not imported: GraphiQL inlined is 9 MB of script that
  // every gateway, and every test starting one, would otherwise parse at start-up for nothing.
  const render = () =>
    (require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql')).renderGraphiQL({
      title: 'DTSEN federation gateway',
      endpoint: '/graphql',
      // Every request needs a token; npm start prints one per role. Kept out of localStorage.
      headers: JSON.stringify({ Authorization: 'Bearer paste a token printed by npm start or npm run token' }, null, 2),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
      defaultTabs: exampleOperations().map(({ query, variables }) => ({
        query,
        variables: variables ? JSON.stringify(variables, null, 2) : null,
      })),
    });
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          // Apollo Server renders the landing page at start; a function is called on the first GET.
          return { html: async () => (html ??= render()) };
        },
      };
    },
  };
}
