import { cleanEnv, port } from 'envalid';
import { signingSecret, subgraphKeySpecs, subgraphKeysFrom } from '../auth/signing-secret';
import { derivedSigningKey, signingKeyVariable } from '../auth/subgraph-keys';
import { reportConfigErrors, storeLocationSpecs, storeReplicaSpecs, storeReplicaUrlsFrom, storeUrlsFrom } from '../config';
import type { SubgraphAddress } from './descriptor';

export interface StoredSubgraphConfig {
  readonly port: number;
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly storeUrl: string;
  /** Read replicas of a MySQL store (`mysql://…/db`), empty without; hold credentials too. */
  readonly storeReplicaUrls: readonly string[];
  /**
   * The secret this subgraph's cursors are sealed with: PRINCIPAL_SIGNING_SECRET, or its own key when
   * it holds only that (a partner's subgraph). Never log it.
   */
  readonly signingSecret: string;
  /** The key the gateway signs calls to this subgraph with: `<NAME>_SIGNING_SECRET`, else derived from PRINCIPAL_SIGNING_SECRET. Never log it. */
  readonly signingKey: string;
}

/**
 * A stored subgraph's configuration: `<NAME>_PORT` (default: its descriptor's), its store from
 * `<NAME>_DATABASE_URL`, else `MYSQL_URL`, else a SQLite file in `DATA_DIR`, its read replicas from
 * `<NAME>_DATABASE_REPLICA_URLS`, and its signing key: `<NAME>_SIGNING_SECRET`, else derived from
 * `PRINCIPAL_SIGNING_SECRET`; one of the two is required. Throws naming every bad variable.
 */
export function loadStoredSubgraphConfig(subgraph: SubgraphAddress, env: NodeJS.ProcessEnv): StoredSubgraphConfig {
  const { name } = subgraph;
  const prefix = name.toUpperCase();
  const portVariable = `${prefix}_PORT`;
  const cleaned = cleanEnv(
    env,
    {
      ...storeLocationSpecs([name]),
      ...storeReplicaSpecs([name]),
      [portVariable]: port({ default: subgraph.defaultPort }),
      // Required unless the subgraph holds its own key: a partner's subgraph is given that key alone.
      PRINCIPAL_SIGNING_SECRET:
        env[signingKeyVariable(name)] === undefined
          ? signingSecret({ desc: `required: the key the gateway signs principals with (or set ${signingKeyVariable(name)})` })
          : signingSecret({ default: undefined }),
      ...subgraphKeySpecs([name]),
    },
    { reporter: reportConfigErrors },
  );
  const ownKey = subgraphKeysFrom([name], cleaned)[name];
  const secret = cleaned.PRINCIPAL_SIGNING_SECRET;
  const storeUrls = storeUrlsFrom([name], cleaned);
  return Object.freeze({
    port: (cleaned as unknown as Readonly<Record<string, number>>)[portVariable] as number,
    storeUrl: storeUrls[name] as string,
    storeReplicaUrls: storeReplicaUrlsFrom([name], cleaned, storeUrls)[name] ?? [],
    signingSecret: (secret ?? ownKey) as string,
    signingKey: ownKey ?? derivedSigningKey(secret as string, name),
  });
}
