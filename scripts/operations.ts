// `npm run operations -- register FILE... --organisation X --profile P [--app NAME]` and `npm run operations -- list`:
// the operations an organisation registers, which the gateway trusts (TRUSTED_DOCUMENTS, docs/partners.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from '../common/cli';
import { manifestJson, manifestPath, OPERATIONS_DIR, organisationSlug, parseManifest, readManifests } from '../gateway/trusted-documents/manifests';
import { isProfile, schemaForOrganisation } from '../gateway/trusted-documents/organisation-schema';
import { PROFILES, type Profile } from '../common/auth/contract-profiles';
import { recordRegisteredProfile } from '../gateway/trusted-documents/registered-profiles';
import { mergeOperations, problemsOf, readCandidates, type CandidateOperation } from '../gateway/trusted-documents/register';

const USAGE = `Usage: npm run operations -- register FILE... --organisation NAME --profile PROFILE [--app APP] [--operations-dir DIR]
       npm run operations -- list [--operations-dir DIR]

register: each FILE is a persisted query manifest (.json, as @apollo/generate-persisted-query-manifest
writes it) or a .graphql file holding one named operation. Every operation is validated against the
contract of PROFILE (${PROFILES.join(', ')}; a partner ministry: partner-<programme>) and its id checked to be the SHA-256 of its body; if all pass they are added to
operations/<organisation>/<app>.json (APP: the first FILE's name without its extension) and PROFILE is
recorded for the app in operations/profiles.json (npm run schema:check re-validates against it), else nothing
is written and each problem is printed naming its operation. The gateway reads the manifests at start.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      organisation: { type: 'string' },
      profile: { type: 'string' },
      app: { type: 'string' },
      'operations-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...files] = positionals;
  const operationsDir = values['operations-dir'] ?? OPERATIONS_DIR;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'list' && files.length === 0) return list(operationsDir);
  const organisation = values.organisation ?? '';
  if (command !== 'register' || files.length === 0 || organisationSlug(organisation) === '') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const profile = values.profile ?? '';
  if (!isProfile(profile)) {
    process.stderr.write(`--profile must be one of ${PROFILES.join(', ')}: "${profile}" is not\n`);
    return 2;
  }
  const app = values.app ?? path.basename(files[0] ?? '', path.extname(files[0] ?? ''));
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(app)) {
    process.stderr.write(`--app must be letters, digits, dots, hyphens or underscores: "${app}" is not\n`);
    return 2;
  }
  return register(files, organisation, profile, app, operationsDir);
}

function register(files: readonly string[], organisation: string, profile: Profile, app: string, operationsDir: string): number {
  const candidates: CandidateOperation[] = files.flatMap((file) => readCandidates(file));
  const schema = schemaForOrganisation(organisation, profile);
  const problems = candidates.flatMap((candidate) => problemsOf(candidate, schema));
  if (problems.length > 0) {
    process.stderr.write(`Nothing registered for ${organisation}:\n${problems.map((problem) => `  ${problem}\n`).join('')}`);
    return 1;
  }
  const target = manifestPath(operationsDir, organisation, app);
  const existing = existsSync(target) ? parseManifest(readFileSync(target, 'utf8'), target).operations : [];
  const merged = mergeOperations(existing, candidates.map((candidate) => candidate.operation));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, manifestJson(merged));
  recordRegisteredProfile(operationsDir, organisation, app, profile);
  process.stdout.write(`Registered ${candidates.length} operation(s) for ${organisation} in ${shown(target)}, ${merged.length - existing.length} new; restart the gateway to trust them.\n`);
  return 0;
}

/** Relative to the working directory when inside it, as a developer in the repository reads it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function list(operationsDir: string): number {
  for (const manifest of readManifests(operationsDir)) {
    process.stdout.write(`${manifest.organisation}/${manifest.app}\n`);
    for (const operation of manifest.operations) process.stdout.write(`  ${operation.id}  ${operation.type} ${operation.name}\n`);
  }
  return 0;
}

runCommand('operations', main);
