import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { documentHash, manifestJson } from '../../gateway/trusted-documents/manifests';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

async function operations(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'operations.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const VALID = 'query PbiEligibility($noKK: String!) { household(noKK: $noKK) { eligibility { program eligible } } }';
const INVALID = 'query PbiSalary($noKK: String!) { household(noKK: $noKK) { salary } }';

describe('npm run operations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'operations-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const manifestFile = (name: string, entries: readonly { id: string; name: string; body: string }[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, manifestJson(entries.map((entry) => ({ ...entry, type: 'query' as const }))));
    return file;
  };
  const stored = () => path.join(dir, 'operations', 'bpjs-kesehatan', 'pbi-app.json');

  it('when a manifest holds a valid operation and one invalid against the schema, then it exits 1 naming the operation and the error, and writes nothing', async () => {
    const file = manifestFile('pbi-app.json', [
      { id: documentHash(VALID), name: 'PbiEligibility', body: VALID },
      { id: documentHash(INVALID), name: 'PbiSalary', body: INVALID },
    ]);

    const result = await operations(['register', file, '--organisation', 'BPJS Kesehatan', '--profile', 'partner-pbi-jk', '--operations-dir', path.join(dir, 'operations')]);

    expect({ ...result, written: existsSync(stored()) }).toEqual({
      code: 1,
      stdout: '',
      stderr: `Nothing registered for BPJS Kesehatan:\n  ${file}: operation PbiSalary: Cannot query field "salary" on type "Household".\n`,
      written: false,
    });
  });

  it('when an id is not the SHA-256 of its body, then it exits 1 naming the operation and both hashes, and writes nothing', async () => {
    const wrongId = documentHash('{ ruleSet { version } }');
    const file = manifestFile('pbi-app.json', [{ id: wrongId, name: 'PbiEligibility', body: VALID }]);

    const result = await operations(['register', file, '--organisation', 'BPJS Kesehatan', '--profile', 'partner-pbi-jk', '--operations-dir', path.join(dir, 'operations')]);

    expect({ ...result, written: existsSync(stored()) }).toEqual({
      code: 1,
      stdout: '',
      stderr: `Nothing registered for BPJS Kesehatan:\n  ${file}: operation PbiEligibility: id ${wrongId} is not the SHA-256 of its body (${documentHash(VALID)})\n`,
      written: false,
    });
  });

  it('when a valid manifest and a .graphql file are registered, then operations/<organisation>/<app>.json holds both in the manifest format, operations/profiles.json the contract they were checked against, and list shows them', async () => {
    const file = manifestFile('pbi-app.json', [{ id: documentHash(VALID), name: 'PbiEligibility', body: VALID }]);
    const graphqlFile = path.join(dir, 'PbiTargeting.graphql');
    const targeting = 'query PbiTargeting($noKK: String!) {\n  household(noKK: $noKK) { targeting { program } }\n}\n';
    writeFileSync(graphqlFile, targeting);
    const operationsDir = path.join(dir, 'operations');

    const first = await operations(['register', file, '--organisation', 'BPJS Kesehatan', '--profile', 'partner-pbi-jk', '--operations-dir', operationsDir]);
    const second = await operations(['register', graphqlFile, '--organisation', 'bpjs-kesehatan', '--profile', 'partner-pbi-jk', '--app', 'pbi-app', '--operations-dir', operationsDir]);
    const list = await operations(['list', '--operations-dir', operationsDir]);

    expect({
      codes: [first.code, second.code, list.code],
      manifest: JSON.parse(readFileSync(stored(), 'utf8')),
      profiles: JSON.parse(readFileSync(path.join(operationsDir, 'profiles.json'), 'utf8')),
      list: list.stdout,
    }).toEqual({
      codes: [0, 0, 0],
      profiles: { 'bpjs-kesehatan': { 'pbi-app': ['partner-pbi-jk'] } },
      manifest: {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [
          { id: documentHash(VALID), name: 'PbiEligibility', type: 'query', body: VALID },
          { id: documentHash(targeting), name: 'PbiTargeting', type: 'query', body: targeting },
        ],
      },
      list: `bpjs-kesehatan/pbi-app\n  ${documentHash(VALID)}  query PbiEligibility\n  ${documentHash(targeting)}  query PbiTargeting\n`,
    });
  });
});
