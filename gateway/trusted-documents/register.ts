import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { documentHash, parseManifest, type ManifestOperation } from './manifests';

/** A candidate operation and the file it came from, before any check. */
export interface CandidateOperation {
  readonly source: string;
  readonly operation: ManifestOperation;
}

/**
 * The operations of the files given to `npm run operations -- register`: a persisted query
 * manifest's operations, or a `.graphql` file holding one named operation (and its fragments),
 * registered with the file's text as its body: the text the client sends, byte for byte.
 */
export function readCandidates(file: string): CandidateOperation[] {
  const text = readFileSync(file, 'utf8');
  if (path.extname(file) === '.json') return parseManifest(text, file).operations.map((operation) => ({ source: file, operation }));
  const body = text;
  let operation: OperationDefinitionNode | undefined;
  try {
    const definitions = parse(body).definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    if (definitions.length !== 1) throw new Error(`${file} must hold exactly one operation, it holds ${definitions.length}: give each its own file`);
    operation = definitions[0];
  } catch (error) {
    if (error instanceof GraphQLError) throw new Error(`${file}: ${error.message}`);
    throw error;
  }
  const name = operation?.name?.value;
  if (!operation || name === undefined) throw new Error(`${file}: the operation needs a name`);
  return [{ source: file, operation: { id: documentHash(body), name, type: operation.operation, body } }];
}

/** What is wrong with one candidate, each problem a line naming the operation; empty when it may be registered. */
export function problemsOf(candidate: CandidateOperation, schema: GraphQLSchema): string[] {
  const { operation, source } = candidate;
  const label = `${source}: operation ${operation.name}`;
  const problems: string[] = [];
  const hash = documentHash(operation.body);
  if (operation.id !== hash) problems.push(`${label}: id ${operation.id} is not the SHA-256 of its body (${hash})`);
  let document: DocumentNode;
  try {
    document = parse(operation.body);
  } catch (error) {
    return [...problems, `${label}: ${(error as GraphQLError).message}`];
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) problems.push(`${label}: the body must hold exactly one operation, it holds ${operations.length}`);
  const [only] = operations;
  if (only && only.name?.value !== operation.name) problems.push(`${label}: the body's operation is named ${only.name?.value ?? '(anonymous)'}`);
  if (only && only.operation !== operation.type) problems.push(`${label}: the body's operation is a ${only.operation}, the manifest says ${operation.type}`);
  for (const error of validate(schema, document)) problems.push(`${label}: ${error.message}`);
  return problems;
}

/**
 * Why a registered body would not run against `schema`: its syntax error, or each validation error
 * (the same validation `problemsOf` applies at registration). Empty when it runs.
 */
export function documentErrors(body: string, schema: GraphQLSchema): { readonly document: DocumentNode | null; readonly errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(body);
  } catch (error) {
    return { document: null, errors: [error as GraphQLError] };
  }
  return { document, errors: validate(schema, document) };
}

/** The manifest's operations after registering `added`: an id registered again keeps one entry; older ones stay for clients still in the field. */
export function mergeOperations(existing: readonly ManifestOperation[], added: readonly ManifestOperation[]): ManifestOperation[] {
  const byId = new Map(existing.map((operation) => [operation.id, operation]));
  for (const operation of added) byId.set(operation.id, operation);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
