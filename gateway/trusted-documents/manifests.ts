import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The operations an organisation registered (`npm run operations -- register`), one file per
 * application: `operations/<organisation-slug>/<app>.json`, in the format of Apollo's persisted
 * query manifests (@apollo/generate-persisted-query-manifest writes it; Hive's app deployments
 * read it), so a ministry's build can produce the file with the tools it already has.
 */
export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
export const MANIFEST_VERSION = 1;

/** Beside schema/ in the repository and in dist/ (npm run build copies it). */
export const OPERATIONS_DIR = path.join(__dirname, '..', '..', 'operations');

export type OperationType = 'query' | 'mutation' | 'subscription';
const OPERATION_TYPES: readonly string[] = ['query', 'mutation', 'subscription'];

export interface ManifestOperation {
  /** The SHA-256 (hex) of `body`: what a client sends as `persistedQuery.sha256Hash` or `documentId`. */
  readonly id: string;
  readonly name: string;
  readonly type: OperationType;
  /** The document exactly as the client sends it; its hash is over these bytes. */
  readonly body: string;
}

export interface OperationManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: typeof MANIFEST_VERSION;
  readonly operations: readonly ManifestOperation[];
}

export function documentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The folder name of an organisation: the token's `org` claim ("BPJS Kesehatan") in lower case,
 * each run of other characters a hyphen ("bpjs-kesehatan"). A slug is its own slug.
 */
export function organisationSlug(organisation: string): string {
  return organisation
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Reads a manifest's JSON; throws naming `source` and what is wrong. */
export function parseManifest(text: string, source: string): OperationManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const manifest = parsed as Partial<Record<keyof OperationManifest, unknown>> | null;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== MANIFEST_FORMAT || manifest.version !== MANIFEST_VERSION || !Array.isArray(manifest.operations)) {
    throw new Error(`${source} is not a persisted query manifest: expected { "format": "${MANIFEST_FORMAT}", "version": ${MANIFEST_VERSION}, "operations": [...] }`);
  }
  const operations = manifest.operations.map((entry: unknown, position): ManifestOperation => {
    const operation = entry as Partial<Record<keyof ManifestOperation, unknown>> | null;
    if (
      typeof operation !== 'object' ||
      operation === null ||
      typeof operation.id !== 'string' ||
      typeof operation.name !== 'string' ||
      typeof operation.body !== 'string' ||
      typeof operation.type !== 'string' ||
      !OPERATION_TYPES.includes(operation.type)
    ) {
      throw new Error(`${source}: operation ${position + 1} needs a string id, name and body and a type of ${OPERATION_TYPES.join(', ')}`);
    }
    return { id: operation.id, name: operation.name, type: operation.type as OperationType, body: operation.body };
  });
  return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, operations };
}

export function manifestJson(operations: readonly ManifestOperation[]): string {
  const manifest: OperationManifest = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, operations };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function manifestPath(operationsDir: string, organisation: string, app: string): string {
  return path.join(operationsDir, organisationSlug(organisation), `${app}.json`);
}

/** One application's registered operations, as stored. */
export interface StoredManifest {
  readonly organisation: string;
  readonly app: string;
  readonly operations: readonly ManifestOperation[];
}

/** Every manifest under `operationsDir`, by organisation slug then app; none when the folder is absent. */
export function readManifests(operationsDir: string): StoredManifest[] {
  if (!existsSync(operationsDir)) return [];
  const stored: StoredManifest[] = [];
  for (const organisation of readdirSync(operationsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const folder = path.join(operationsDir, organisation);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
      const source = path.join(folder, file);
      stored.push({ organisation, app: file.slice(0, -'.json'.length), operations: parseManifest(readFileSync(source, 'utf8'), source).operations });
    }
  }
  return stored;
}

/** What the gateway asks of the registered operations: the one an organisation registered under this id, if any. */
export interface TrustedDocumentStore {
  find(organisation: string, id: string): ManifestOperation | undefined;
}

/**
 * The registered operations, read once at start: a manifest registered later is trusted after a
 * restart. An id registered under an organisation is trusted for that organisation only.
 */
export function loadTrustedDocuments(operationsDir: string = OPERATIONS_DIR): TrustedDocumentStore {
  const byOrganisation = new Map<string, Map<string, ManifestOperation>>();
  for (const manifest of readManifests(operationsDir)) {
    const operations = byOrganisation.get(manifest.organisation) ?? new Map<string, ManifestOperation>();
    for (const operation of manifest.operations) {
      // The CLI checks this on registration; a manifest edited by hand must not trust other text.
      if (documentHash(operation.body) !== operation.id) {
        throw new Error(`${manifestPath(operationsDir, manifest.organisation, manifest.app)}: operation ${operation.name}'s id is not the SHA-256 of its body`);
      }
      operations.set(operation.id, operation);
    }
    byOrganisation.set(manifest.organisation, operations);
  }
  return {
    find: (organisation, id) => byOrganisation.get(organisationSlug(organisation))?.get(id),
  };
}
