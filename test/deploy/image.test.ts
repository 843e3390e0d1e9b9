import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { MANIFEST_DIR, ROOT } from './manifests';

/** The sources `npm run build` compiles into dist/ (tsconfig.build.json's include), without building. */
function compiledSources(): Set<string> {
  const configFile = path.join(ROOT, 'tsconfig.build.json');
  const { config, error } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile);
  return new Set(parsed.fileNames.map((file) => path.relative(ROOT, file)));
}

/** Every `node dist/….js` in a file, as the entry point it runs. */
function entryPoints(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/node["',\s\[]*(dist\/[\w/.-]+\.js)/g)].map((match) => match[1] as string);
}

/** The files that run commands of the image. */
const DEPLOYMENT_FILES = [
  'Dockerfile',
  'docker-compose.yml',
  path.join('deploy', 'README.md'),
  ...readdirSync(MANIFEST_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => path.join('deploy', 'kubernetes', file)),
].filter((file) => entryPoints(path.join(ROOT, file)).length > 0);

describe('the image (Dockerfile, tsconfig.build.json)', () => {
  it('when deploy/README.md says how to run each command in the image, then it names the servers and every command-line tool', () => {
    expect([...new Set(entryPoints(path.join(ROOT, 'deploy', 'README.md')))].sort()).toEqual([
      'dist/gateway/main.js',
      'dist/import/cli.js',
      'dist/import/export-cli.js',
      'dist/resolution/cli.js',
      'dist/resolution/quality-cli.js',
      'dist/scripts/token.js',
      'dist/scripts/usage.js',
      'dist/seed/cli.js',
      'dist/subgraphs/changes/batch/cli.js',
      'dist/subgraphs/main.js',
    ]);
  });

  const compiled = compiledSources();

  it.each(DEPLOYMENT_FILES.map((file) => [file]))('when %s runs a command of the image, then the build compiles its entry point', (file) => {
    const missing = entryPoints(path.join(ROOT, file)).filter((entryPoint) => !compiled.has(entryPoint.replace(/^dist\//, '').replace(/\.js$/, '.ts')));

    expect(missing).toEqual([]);
  });

  it('when the sources are type-checked, then every folder the build compiles is among them', () => {
    const read = (file: string) => (ts.readConfigFile(path.join(ROOT, file), (name) => ts.sys.readFile(name)).config as { include: string[] }).include;

    expect(read('tsconfig.build.json').filter((folder) => !read('tsconfig.json').includes(folder))).toEqual([]);
  });
});
