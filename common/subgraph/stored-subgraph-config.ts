import { cleanEnv, port } from 'envalid';
import { signingSecret } from '../auth/signing-secret';
import { reportConfigErrors, storeLocationSpecs, storeReplicaSpecs, storeReplicaUrlsFrom, storeUrlsFrom } from '../config';
import type { SubgraphAddress } from './descriptor';

export interface StoredSubgraphConfig {
  readonly port: number;
  /** `sqlite:<path>` or `mysql://…/db`; holds credentials, so never log it. */
  readonly storeUrl: string;
  /** Read replicas of a MySQL store (`mysql://…/db`), empty without; hold credentials too. */
  readonly storeReplicaUrls: readonly string[];
  /** The key the gateway signs principals with; never log it. */
  readonly signingSecret: string;
}

/**
 * A stored subgraph's configuration: `<NAME>_PORT` (default: its descriptor's), its store from
 * `<NAME>_DATABASE_URL`, else `MYSQL_URL`, else a SQLite file in `DATA_DIR`, its read replicas from
 * `<NAME>_DATABASE_REPLICA_URLS`, and the required `PRINCIPAL_SIGNING_SECRET`.
 * Throws naming every bad variable.
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
      PRINCIPAL_SIGNING_SECRET: signingSecret({ desc: 'required: the key the gateway signs principals with' }),
    },
    { reporter: reportConfigErrors },
  );
  const storeUrls = storeUrlsFrom([name], cleaned);
  return Object.freeze({
    port: (cleaned as unknown as Readonly<Record<string, number>>)[portVariable] as number,
    storeUrl: storeUrls[name] as string,
    storeReplicaUrls: storeReplicaUrlsFrom([name], cleaned, storeUrls)[name] ?? [],
    signingSecret: cleaned.PRINCIPAL_SIGNING_SECRET,
  });
}
