import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const OUTPUT = 'generated/graphql';

/** GraphQL Code Generator's output for codegen.ts, computed in memory (generate-client-code.ts). */
function generatedFiles(): Record<string, string> {
  const json = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate-client-code.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const files = JSON.parse(json) as { filename: string; content: string }[];
  return Object.fromEntries(files.map((file) => [path.relative(ROOT, path.resolve(ROOT, file.filename)), file.content]));
}

describe('the generated client code (generated/graphql)', () => {
  it('when GraphQL Code Generator runs over schema/api.graphql and the project operations, then its output equals the committed files (run `npm run codegen`)', () => {
    const committed = Object.fromEntries(
      readdirSync(path.join(ROOT, OUTPUT)).map((name) => [`${OUTPUT}/${name}`, readFileSync(path.join(ROOT, OUTPUT, name), 'utf8')]),
    );

    expect(generatedFiles()).toEqual(committed);
  });
});
