import { existsSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { PROFILES, type Profile } from '../../common/auth/contract-profiles';
import { composeSupergraph } from '../supergraph/compose';
import { composeContracts } from '../supergraph/contracts';
import { contractPath, readApiSchemaSdl, readContractSdl, registrySubgraphSdls, type SubgraphSdl } from '../supergraph/subgraphs';
import { OPERATIONS_DIR, readManifests } from '../trusted-documents/manifests';
import { readRegisteredProfiles } from '../trusted-documents/registered-profiles';
import { brokenRegisteredOperations, type BrokenOperation } from './registered-operations';
import { API_SCHEMA, schemaChanges, type SchemaChange } from './schema-changes';

/** The schemas a change is compared with: schema/api.graphql and schema/contracts/<profile>.graphql as committed. */
export interface CommittedSchemas {
  readonly api: string;
  /** A profile without a committed contract is new: nothing of it can break. */
  readonly contracts: Readonly<Partial<Record<Profile, string>>>;
}

export function readCommittedSchemas(): CommittedSchemas {
  return {
    api: readApiSchemaSdl(),
    contracts: Object.fromEntries(PROFILES.filter((profile) => existsSync(contractPath(profile))).map((profile) => [profile, readContractSdl(profile)])),
  };
}

export interface SchemaCheckOptions {
  /** The subgraphs as they would be (default: every subgraph of the registry, its SDL as in the working tree). */
  readonly subgraphs?: readonly SubgraphSdl[];
  /** Default: the committed files under schema/. */
  readonly committed?: CommittedSchemas;
  /** Where the registered operations are (default operations/). */
  readonly operationsDir?: string;
}

export type SchemaCheckResult =
  | { readonly status: 'composition-failed'; readonly errors: readonly string[] }
  | {
      /** `failed` when a change breaks a schema or a registered operation; dangerous changes are warnings. */
      readonly status: 'passed' | 'failed';
      readonly breaking: readonly SchemaChange[];
      readonly dangerous: readonly SchemaChange[];
      readonly brokenOperations: readonly BrokenOperation[];
    };

/** 0 when nothing breaks, 1 on a breaking change or a broken registered operation, 2 when the subgraphs do not compose. */
export function exitCodeOf(result: SchemaCheckResult): 0 | 1 | 2 {
  if (result.status === 'composition-failed') return 2;
  return result.status === 'failed' ? 1 : 0;
}

/**
 * `npm run schema:check`: composes the subgraphs in memory (nothing is written), compares the API
 * schema and every contract with the committed ones, and re-validates every registered operation
 * against its organisation's new contract.
 */
export function checkSchema(options: SchemaCheckOptions = {}): SchemaCheckResult {
  const subgraphs = options.subgraphs ?? registrySubgraphSdls();
  const composed = composeSupergraph(subgraphs);
  if (!composed.ok) return { status: 'composition-failed', errors: composed.errors };
  const contracts = composeContracts(subgraphs);
  if (!contracts.ok) return { status: 'composition-failed', errors: contracts.errors };
  const committed = options.committed ?? readCommittedSchemas();
  const before = new Map<Profile, GraphQLSchema>();
  const contractBefore = (profile: Profile) => {
    const known = before.get(profile);
    if (known) return known;
    const schema = buildSchema(committed.contracts[profile] ?? contracts.contracts[profile]);
    before.set(profile, schema);
    return schema;
  };
  const { breaking, dangerous } = schemaChanges([
    { name: API_SCHEMA, before: buildSchema(committed.api), after: buildSchema(composed.apiSchemaSdl) },
    ...PROFILES.filter((profile) => committed.contracts[profile] !== undefined).map((profile) => ({
      name: profile,
      before: contractBefore(profile),
      after: buildSchema(contracts.contracts[profile]),
    })),
  ]);
  const operationsDir = options.operationsDir ?? OPERATIONS_DIR;
  const brokenOperations = brokenRegisteredOperations({
    manifests: readManifests(operationsDir),
    profiles: readRegisteredProfiles(operationsDir),
    contractBefore,
    contractSdlAfter: (profile) => contracts.contracts[profile],
  });
  return { status: breaking.length > 0 || brokenOperations.length > 0 ? 'failed' : 'passed', breaking, dangerous, brokenOperations };
}
