import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROFILES, type Profile } from '../../common/auth/contract-profiles';
import { organisationSlug } from './manifests';

/**
 * The contracts each application's operations were registered against (`--profile` of `npm run
 * operations -- register`), by organisation slug and app: `operations/profiles.json`. The manifests
 * keep Apollo's format, which has no place for it, and the gateway needs none (a token names its
 * profiles); `npm run schema:check` re-validates each operation against the new contract of each.
 * Beside the organisations' folders, so the gateway, which reads only those, never takes it for a manifest.
 */
export const PROFILES_FILE = 'profiles.json';

export type RegisteredProfiles = Readonly<Record<string, Readonly<Record<string, readonly Profile[]>>>>;

const isProfile = (value: unknown): value is Profile => (PROFILES as readonly unknown[]).includes(value);

/** What `operations/profiles.json` records; empty when there is none. Throws naming the file and what is wrong. */
export function readRegisteredProfiles(operationsDir: string): RegisteredProfiles {
  const file = path.join(operationsDir, PROFILES_FILE);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const problem = `${file} must map each organisation to its apps, each app to a list of profiles (${PROFILES.join(', ')})`;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(problem);
  for (const apps of Object.values(parsed)) {
    if (typeof apps !== 'object' || apps === null || Array.isArray(apps)) throw new Error(problem);
    for (const profiles of Object.values(apps)) if (!Array.isArray(profiles) || !profiles.every(isProfile)) throw new Error(problem);
  }
  return parsed as RegisteredProfiles;
}

/** Adds `profile` to what an app was registered against and writes the file, sorted, so a diff shows one line. */
export function recordRegisteredProfile(operationsDir: string, organisation: string, app: string, profile: Profile): void {
  const recorded = readRegisteredProfiles(operationsDir);
  const slug = organisationSlug(organisation);
  const apps = { ...recorded[slug], [app]: [...new Set([...(recorded[slug]?.[app] ?? []), profile])].sort() };
  const next: Record<string, Readonly<Record<string, readonly Profile[]>>> = { ...recorded, [slug]: apps };
  const sorted = Object.fromEntries(
    Object.keys(next)
      .sort()
      .map((organisationSlugKey) => {
        const byApp = next[organisationSlugKey] ?? {};
        return [organisationSlugKey, Object.fromEntries(Object.keys(byApp).sort().map((name) => [name, byApp[name]]))];
      }),
  );
  writeFileSync(path.join(operationsDir, PROFILES_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}
