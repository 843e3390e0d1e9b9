import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen';

// Run by codegen.test.ts in its own process: the CLI's CommonJS build requires yargs, an ES module,
// which Node 20.19 loads and Jest's module loader does not. Prints what `npm run codegen` would
// write, as JSON, and writes nothing.
const root = path.join(__dirname, '..', '..');
void generate({ ...config, cwd: root, silent: true }, false).then((files: { filename: string; content: string }[]) => {
  process.stdout.write(JSON.stringify(files.map(({ filename, content }) => ({ filename, content }))));
});
