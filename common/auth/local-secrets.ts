import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The secrets of a local run (`npm start`): the HS256 key of local tokens and the key the gateway
 * signs principals with. Made once per data folder, readable by its owner only, so tokens printed
 * at one start still work at the next. Production sets both variables and never writes this file.
 */
export interface LocalSecrets {
  readonly AUTH_JWT_SECRET: string;
  readonly PRINCIPAL_SIGNING_SECRET: string;
}

export const LOCAL_SECRETS_FILE = 'local-secrets.json';

export function localSecretsPath(dataDir: string): string {
  return path.join(dataDir, LOCAL_SECRETS_FILE);
}

/** The data folder's local secrets, or null when `npm start` has not made them yet. */
export function readLocalSecrets(dataDir: string): LocalSecrets | null {
  const file = localSecretsPath(dataDir);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  if (typeof parsed.AUTH_JWT_SECRET !== 'string' || typeof parsed.PRINCIPAL_SIGNING_SECRET !== 'string') {
    throw new Error(`${file} is damaged: remove it and run npm start again`);
  }
  return { AUTH_JWT_SECRET: parsed.AUTH_JWT_SECRET, PRINCIPAL_SIGNING_SECRET: parsed.PRINCIPAL_SIGNING_SECRET };
}

export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const existing = readLocalSecrets(dataDir);
  if (existing) return existing;
  const secrets: LocalSecrets = {
    AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
    PRINCIPAL_SIGNING_SECRET: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(localSecretsPath(dataDir), `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
