import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
/** Every folder of subgraphs/ that holds a schema.graphql gets its resolver types. */
const SUBGRAPHS = readdirSync(path.join(ROOT, 'subgraphs')).filter((name) => existsSync(path.join(ROOT, 'subgraphs', name, 'schema.graphql')));
/** GraphQL Code Generator's outputs (codegen.ts); generated/requires/requires.graphql is compose's. */
const OUTPUTS = [
  'generated/graphql/gql.ts',
  'generated/graphql/graphql.ts',
  'generated/graphql/index.ts',
  'generated/requires/representations.ts',
  ...SUBGRAPHS.map((name) => `subgraphs/${name}/generated/resolvers-types.ts`),
];

/** GraphQL Code Generator's output for codegen.ts, computed in memory (generate-client-code.ts). */
function generatedFiles(): Record<string, string> {
  const json = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate-client-code.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const files = JSON.parse(json) as { filename: string; content: string }[];
  return Object.fromEntries(files.map((file) => [path.relative(ROOT, path.resolve(ROOT, file.filename)), file.content]));
}

describe('the generated code (generated/graphql, generated/requires, subgraphs/<name>/generated)', () => {
  it('when GraphQL Code Generator runs over the schemas and documents of codegen.ts, then its output equals the committed files (run `npm run codegen`)', () => {
    const committed = Object.fromEntries(OUTPUTS.map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]));

    expect(generatedFiles()).toEqual(committed);
  });

  it('when generated/graphql is listed, then it holds only the files GraphQL Code Generator writes', () => {
    expect(readdirSync(path.join(ROOT, 'generated/graphql')).map((name) => `generated/graphql/${name}`)).toEqual(
      OUTPUTS.filter((file) => file.startsWith('generated/graphql/')),
    );
  });

  it.each(SUBGRAPHS)('when subgraphs/%s/generated is listed, then it holds only its resolver types', (name) => {
    expect(readdirSync(path.join(ROOT, 'subgraphs', name, 'generated'))).toEqual(['resolvers-types.ts']);
  });
});
